import { describe, expect, it } from 'vitest'
import { deferredPackage, type PackageShape } from '../../main/cli/deferred-package'

class Writer {
  static version = '1.0'
  constructor(readonly title: string) {}
}

function shapeOf(value: object): PackageShape {
  const keys = Object.getOwnPropertyNames(value)
  return {
    callable: typeof value === 'function',
    esModule: '__esModule' in value,
    keys,
    enumerable: keys.filter(key => Object.getOwnPropertyDescriptor(value, key)?.enumerable)
  }
}

function counted<T extends object>(value: T): { load: () => T; loads: () => number } {
  let loads = 0
  return {
    load: () => {
      loads++
      return value
    },
    loads: () => loads
  }
}

describe('deferredPackage', () => {
  it('lists a package of functions and classes without loading it, and loads it once on first use', () => {
    const pkg = { Writer, parse: (text: string) => text.length, LEVEL: { HIGH: 'high' } }
    const { load, loads } = counted(pkg)
    const deferred = deferredPackage(load, shapeOf(pkg)) as typeof pkg
    // What the bundle's interop (__toESM) reads as the bundle starts.
    expect(Object.getOwnPropertyNames(deferred)).toEqual(['Writer', 'parse', 'LEVEL'])
    expect(Object.getOwnPropertyDescriptor(deferred, 'parse')?.enumerable).toBe(true)
    expect((deferred as { __esModule?: boolean }).__esModule).toBeUndefined()
    expect(Object.getPrototypeOf(deferred)).toBe(Object.prototype)
    expect(loads()).toBe(0)

    expect(new deferred.Writer('Policy').title).toBe('Policy')
    expect(deferred.parse('abc')).toBe(3)
    expect(deferred.LEVEL.HIGH).toBe('high')
    expect('parse' in deferred).toBe(true)
    expect(loads()).toBe(1)
  })

  it('stands in for a package that is a class: new, static properties and instanceof reach it', () => {
    const { load, loads } = counted(Writer)
    const Deferred = deferredPackage(load, shapeOf(Writer)) as typeof Writer
    expect(Object.getOwnPropertyNames(Deferred)).toEqual(expect.arrayContaining(['prototype', 'version']))
    expect(loads()).toBe(0)
    const made = new Deferred('Pack')
    expect(made).toBeInstanceOf(Writer)
    expect(made).toBeInstanceOf(Deferred)
    expect(made.title).toBe('Pack')
    expect(Deferred.version).toBe('1.0')
    expect(loads()).toBe(1)
  })

  it('answers __esModule from the shape, so the default export of a compiled ES module is found', () => {
    const pkg = { __esModule: true, default: (n: number) => n * 2 }
    const { load, loads } = counted(pkg)
    const deferred = deferredPackage(load, shapeOf(pkg)) as typeof pkg
    expect(deferred.__esModule).toBe(true)
    expect(loads()).toBe(0)
    expect(deferred.default(21)).toBe(42)
  })
})
