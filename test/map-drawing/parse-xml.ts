// A strict XML read-back for the SVG tests: saxes (installed with exceljs) fails on anything not well-formed.
import { SaxesParser } from 'saxes'

export interface XmlElement {
  name: string
  attributes: Record<string, string>
  text: string
  children: XmlElement[]
}

export function parseXml(xml: string): XmlElement {
  const parser = new SaxesParser()
  const root: XmlElement = { name: '#document', attributes: {}, text: '', children: [] }
  const stack = [root]
  parser.on('error', error => {
    throw error
  })
  parser.on('opentag', tag => {
    const element: XmlElement = { name: tag.name, attributes: tag.attributes as Record<string, string>, text: '', children: [] }
    stack.at(-1)!.children.push(element)
    stack.push(element)
  })
  parser.on('text', text => {
    stack.at(-1)!.text += text
  })
  parser.on('closetag', () => {
    stack.pop()
  })
  parser.write(xml).close()
  return root.children[0]!
}

export function allElements(element: XmlElement): XmlElement[] {
  return [element, ...element.children.flatMap(allElements)]
}
