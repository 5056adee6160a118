import { Box, Container, Group, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from './Link';

/** The frame of every page: a header with the way back to the catalog. */
export function AppLayout({ children }: { children: ReactNode }) {
  return (
    <Box mih="100vh" bg="gray.0">
      <Box component="header" bg="dark.7" py="sm">
        <Container size="xl">
          <Group gap="lg">
            <Link to="/" c="white" fw={700} fz="lg" underline="never">
              Ensemble
            </Link>
            <Link to="/" c="gray.3" underline="hover">
              Catalog
            </Link>
            <Text c="gray.5" fz="sm" ml="auto">
              Developer portal
            </Text>
          </Group>
        </Container>
      </Box>
      <Container size="xl" py="lg" component="main">
        {children}
      </Container>
    </Box>
  );
}
