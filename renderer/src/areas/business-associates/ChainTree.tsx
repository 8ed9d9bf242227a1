import { Badge, Box, Button, Flex, Text } from '@radix-ui/themes'
import type { ChainNode } from '../../../../main/baas/contract'
import { RELATIONSHIP_LABELS, STATUS_LABELS, flagBadges } from './labels'

function Node(props: { node: ChainNode; onOpen(id: number): void }) {
  const { node } = props
  return (
    <li>
      <Flex gap="2" align="center" wrap="wrap" py="1">
        <Button variant="ghost" onClick={() => props.onOpen(node.id)}>
          {node.name}
        </Button>
        <Text size="1" color="gray">
          {RELATIONSHIP_LABELS[node.relationship]} · {STATUS_LABELS[node.baaStatus]}
        </Text>
        {flagBadges(node.flags).map(b => (
          <Badge highContrast key={b.label} color={b.color} size="1">
            {b.label}
          </Badge>
        ))}
      </Flex>
      {node.children.length > 0 && (
        <Box asChild pl="5" style={{ borderLeft: '1px solid var(--gray-a6)', marginLeft: 'var(--space-2)' }}>
          <ul aria-label={`Engaged by ${node.name}`} style={{ listStyle: 'none', margin: 0 }}>
            {node.children.map(child => (
              <Node key={child.id} node={child} onOpen={props.onOpen} />
            ))}
          </ul>
        </Box>
      )}
    </li>
  )
}

/** The chain as nested lists: us → business associate → subcontractor → …, each link with its own agreement. */
export function ChainTree(props: { roots: ChainNode[]; onOpen(id: number): void }) {
  if (props.roots.length === 0) {
    return (
      <Text as="p" color="gray">
        No business associates yet. Once you add them on the Register tab, this shows who works for whom: each business associate and the
        subcontractors it engages, every link with its own agreement.
      </Text>
    )
  }
  return (
    <ul aria-label="Subcontractor chain" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
      {props.roots.map(root => (
        <Node key={root.id} node={root} onOpen={props.onOpen} />
      ))}
    </ul>
  )
}
