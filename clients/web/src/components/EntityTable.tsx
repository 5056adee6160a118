import { Badge, Group, Table, Text } from '@mantine/core';
import { useFragment, type FragmentType } from '../../../generated';
import { WebEntityRowFragmentDoc } from '../../../generated/graphql';
import { optionalField } from '../api/optionalField';
import { EntityLink } from './EntityLink';

/** Entities as table rows: name, kind, type, owner, lifecycle, tags, description. */
export function EntityTable({ rows, caption }: { rows: ReadonlyArray<FragmentType<typeof WebEntityRowFragmentDoc>>; caption: string }) {
  const entities = useFragment(WebEntityRowFragmentDoc, rows);
  return (
    <Table.ScrollContainer minWidth={800}>
      <Table striped highlightOnHover verticalSpacing="xs" aria-label={caption} data-testid="entity-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Name</Table.Th>
            <Table.Th>Kind</Table.Th>
            <Table.Th>Type</Table.Th>
            <Table.Th>Owner</Table.Th>
            <Table.Th>Lifecycle</Table.Th>
            <Table.Th>Tags</Table.Th>
            <Table.Th>Description</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {entities.map((entity) => (
            <Table.Tr key={entity.ref} data-ref={entity.ref}>
              <Table.Td>
                <EntityLink entityRef={entity.ref} title={entity.title ?? entity.name} />
              </Table.Td>
              <Table.Td>{entity.kind}</Table.Td>
              <Table.Td>{optionalField<'type', string>(entity, 'type') ?? ''}</Table.Td>
              <Table.Td>
                {entity.ownedBy.map((owner) => (
                  <EntityLink key={owner.targetRef} entityRef={owner.targetRef} />
                ))}
              </Table.Td>
              <Table.Td>{optionalField<'lifecycle', string>(entity, 'lifecycle') ?? ''}</Table.Td>
              <Table.Td>
                <Group gap={4}>
                  {entity.tags.map((tag) => (
                    <Badge key={tag} size="sm" variant="light">
                      {tag}
                    </Badge>
                  ))}
                </Group>
              </Table.Td>
              <Table.Td>
                <Text fz="sm" lineClamp={2}>
                  {entity.description}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
