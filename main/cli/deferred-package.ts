// The bundled command (scripts/build-cli.mjs) stands one of these in for each heavy package (PDF, Word, Excel,
// YAML, layout, SQLite): the package is required the first time the code uses it, not when the bundle starts. Every
// feature's module is part of the one command, and together the packages take most of a second to load, which
// `safeguard --version` or `status` would otherwise pay for packages they never touch.

/** What the build saw of the package: its own property names (and which are enumerable), whether it is callable and marked as an ES module. */
export interface PackageShape {
  callable: boolean
  esModule: boolean
  keys: string[]
  enumerable: string[]
}

/**
 * A stand-in for the package `load()` returns: property reads, calls, `new` and `instanceof` reach the package,
 * loaded on the first of them. Listing its properties, as the bundle's interop code does at start-up, answers from
 * `shape` without loading it.
 */
export function deferredPackage(load: () => object, shape: PackageShape): object {
  let loaded: object | undefined
  const real = () => (loaded ??= load())
  // A function target, so that `new` and calls can be forwarded; its own 'prototype' cannot be hidden from the listing.
  const target: object = shape.callable ? function deferred() {} : {}
  const fixedKeys = Reflect.ownKeys(target).filter(key => !Reflect.getOwnPropertyDescriptor(target, key)?.configurable)
  const keys = [...new Set([...shape.keys, ...fixedKeys])]
  const known = new Set<string | symbol>(keys)
  const enumerable = new Set<string | symbol>(shape.enumerable)
  const proxy: object = new Proxy(target, {
    get: (_, key) => (key === '__esModule' ? shape.esModule || undefined : Reflect.get(real(), key)),
    has: (_, key) => Reflect.has(real(), key),
    set: (_, key, value) => Reflect.set(real(), key, value),
    ownKeys: () => keys,
    getOwnPropertyDescriptor: (_, key) => {
      // The target's own fixed properties must be described as they are; the package's as configurable getters.
      const fixed = Reflect.getOwnPropertyDescriptor(target, key)
      if (fixed && !fixed.configurable) return fixed
      if (!known.has(key)) return undefined
      return { configurable: true, enumerable: enumerable.has(key), get: () => Reflect.get(real(), key) }
    },
    getPrototypeOf: () => (shape.callable ? Function.prototype : Object.prototype),
    apply: (_, thisArg, args: unknown[]) => Reflect.apply(real() as (...a: unknown[]) => unknown, thisArg, args),
    construct: (_, args: unknown[], newTarget: object) =>
      Reflect.construct(real() as new (...a: unknown[]) => object, args, (newTarget === proxy ? real() : newTarget) as new () => object)
  })
  return proxy
}
