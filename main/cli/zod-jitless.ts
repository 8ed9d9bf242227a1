import { z } from 'zod'

// Imported first by run.ts, before any schema is made (zod reads the setting as each object schema is created).
// zod compiles a parser for each object schema on its first use, which pays back over many parses; a command runs
// a few hundred schemas once each, where compiling them costs more (about a fifth of `safeguard status`).
z.config({ jitless: true })
