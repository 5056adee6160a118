import { Button, Group, Text } from '@mantine/core';

/**
 * Previous / next over keyset cursors. The page number is known only when the pages were
 * walked from the first one in this tab; a page opened from a URL offers "First page".
 */
export function Pager({
  pageNumber,
  hasPrevious,
  hasNext,
  onPrevious,
  onNext,
  onFirst,
}: {
  pageNumber: number | null;
  hasPrevious: boolean;
  hasNext: boolean;
  onPrevious(): void;
  onNext(): void;
  onFirst(): void;
}) {
  return (
    <Group justify="space-between" mt="sm">
      <Group gap="xs">
        {hasPrevious ? (
          <Button variant="default" size="xs" onClick={onPrevious}>
            Previous page
          </Button>
        ) : (
          pageNumber === null && (
            <Button variant="default" size="xs" onClick={onFirst}>
              First page
            </Button>
          )
        )}
        <Button variant="default" size="xs" onClick={onNext} disabled={!hasNext}>
          Next page
        </Button>
      </Group>
      {pageNumber !== null && <Text fz="sm" c="dimmed">Page {pageNumber}</Text>}
    </Group>
  );
}
