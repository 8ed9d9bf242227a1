/** The scanners' public read functions beyond the table queries in db/: how a format is named. */
export { formatLabel } from './formats/index'
