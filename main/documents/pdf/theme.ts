/** The look shared by every PDF: one type scale, a restrained palette, Letter pages. */

export const PAGE = { width: 612, height: 792 } as const

export const MARGIN = { top: 66, bottom: 62, left: 58, right: 58 } as const

export const CONTENT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right

export const COLOR = {
  ink: '#1F2A37',
  body: '#2B3644',
  muted: '#5B6675',
  faint: '#8A94A3',
  rule: '#C9D1DB',
  hairline: '#E3E8EE',
  accent: '#1D4E6B',
  accentSoft: '#E8EEF3',
  zebra: '#F6F8FA',
  good: '#2F7A55',
  partial: '#C08A2B',
  bad: '#B42318',
  neutral: '#A7B0BC',
  none: '#D9DEE5'
} as const

export const TYPE = {
  title: 30,
  h1: 19,
  h2: 12.5,
  h3: 10.5,
  body: 9.5,
  small: 8.5,
  table: 8.25,
  caption: 7.5
} as const

export const LINE_GAP = 2.2
