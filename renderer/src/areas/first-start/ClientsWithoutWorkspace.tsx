import { Box, Flex, Text } from '@radix-ui/themes'
import { ClientsPage } from '../clients/ClientsPage'

/**
 * A consultant's home before any client workspace is open (first start skipped to it, or every client closed):
 * the Clients view alone, with its New client and Open; the rest of the app needs an open workspace.
 */
export function ClientsWithoutWorkspace() {
  return (
    // No navigation column: the other areas need an open workspace.
    <div className="app-shell" style={{ gridTemplateColumns: '1fr', gridTemplateAreas: "'header' 'main'" }}>
      <a className="skip-link" href="#main-content">
        Skip to content
      </a>
      <header className="app-header">
        <Flex align="center" gap="3" px="5" py="3">
          <Text size="4" weight="bold" className="app-name">
            Safeguard
          </Text>
          <Text size="2" color="gray" aria-hidden>
            /
          </Text>
          <Text size="3" color="gray" data-testid="workspace-name">
            No client open
          </Text>
        </Flex>
      </header>
      <main id="main-content" className="app-main" tabIndex={-1} aria-label="Clients">
        <Box maxWidth="1100px">
          <ClientsPage />
        </Box>
      </main>
    </div>
  )
}
