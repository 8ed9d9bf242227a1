import fs from 'node:fs'
import path from 'node:path'
import { execFileSync } from 'node:child_process'
import { describe, expect, it } from 'vitest'
import { readInfrastructureFile, readInfrastructureText } from '../../../main/map/formats'
import { InfrastructureImportError } from '../../../main/map/read/import-error'
import { MAX_DEPTH } from '../../../main/map/read/limits'
import { tempDir } from '../../helpers/workspace'
import { ownFixture } from './infrastructure-helpers'

async function refusal(promise: Promise<unknown>): Promise<InfrastructureImportError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e
  )
  expect(error).toBeInstanceOf(InfrastructureImportError)
  return error as InfrastructureImportError
}

const tfstate = (resources: unknown[]) => JSON.stringify({ version: 4, terraform_version: '1.5.7', serial: 1, lineage: 'x', outputs: {}, resources })

describe('hostile and broken infrastructure files are refused with a code, the file, the place and a short message', () => {
  it('a __proto__ key in JSON, even spelled with escapes', async () => {
    for (const key of ['__proto__', '\\u005f_proto__']) {
      const text = `{"version": 4, "lineage": "x", "resources": [{"type": "aws_s3_bucket", "name": "b", "instances": [{"attributes": {"${key}": {"polluted": true}}}]}]}`
      const error = await refusal(readInfrastructureText(text, 'proto.tfstate'))
      expect(error).toMatchObject({ code: 'forbidden-key', file: 'proto.tfstate', place: { path: 'resources[0].instances[0].attributes' } })
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })

  it('a __proto__ key in YAML, with its line', async () => {
    const error = await refusal(
      readInfrastructureText('Resources:\n  Bucket:\n    Type: AWS::S3::Bucket\n    __proto__:\n      polluted: true\n', 'proto.yaml')
    )
    expect(error).toMatchObject({ code: 'forbidden-key', file: 'proto.yaml', place: { line: 4, path: 'Resources.Bucket' } })
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })

  it('keys named like Object methods are only data', async () => {
    const text = tfstate([
      {
        mode: 'managed',
        type: 'aws_s3_bucket',
        name: 'constructor',
        instances: [{ attributes: { id: 'toString', arn: 'arn:aws:s3:::toString', constructor: 'x', hasOwnProperty: 1 } }]
      }
    ])
    const map = await readInfrastructureText(text, 'names.tfstate')
    expect(map.assets.map(a => a.name)).toEqual(['aws_s3_bucket.constructor'])
  })

  it('nesting deeper than the limit, in JSON and in YAML (flow and block style)', async () => {
    const deep = 20_000
    const json = `{"version": 4, "lineage": "x", "resources": [${'['.repeat(deep)}${']'.repeat(deep)}]}`
    const jsonError = await refusal(readInfrastructureText(json, 'deep.json'))
    expect(jsonError.code).toBe('too-deep')
    expect(jsonError.place.path).toMatch(/^resources\[0\]\[0\]\[0\]…\(\d+ levels\)…/)
    expect(jsonError.message.length).toBeLessThan(300)

    const flow = await refusal(readInfrastructureText(`Resources: ${'['.repeat(deep)}${']'.repeat(deep)}\n`, 'deep-flow.yaml'))
    expect(flow.code).toBe('too-deep')

    const block = Array.from({ length: MAX_DEPTH + 10 }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n') + ' x\n'
    const blockError = await refusal(readInfrastructureText(block, 'deep-block.yaml'))
    expect(blockError).toMatchObject({ code: 'too-deep', place: { line: MAX_DEPTH + 1 } })
  })

  it('huge strings are kept shortened', async () => {
    const long = 'x'.repeat(1_000_000)
    const map = await readInfrastructureText(
      tfstate([
        { mode: 'managed', type: 'aws_db_instance', name: long, instances: [{ attributes: { id: 'db', engine: long, storage_encrypted: true } }] }
      ]),
      'long.tfstate'
    )
    const db = map.assets[0]
    expect(db?.name.length).toBeLessThan(600)
    expect(db?.attributes.engine?.length).toBeLessThan(300)
    expect(db?.attributes.engine).toMatch(/more characters\)$/)
    expect(JSON.stringify(map).length).toBeLessThan(5000)
  })

  it('truncated JSON and YAML', async () => {
    const text = fs.readFileSync(ownFixture('terraform_modules-count-for-each_v4.tfstate'), 'utf8')
    const cut = text.slice(0, Math.floor(text.length / 2))
    const json = await refusal(readInfrastructureText(cut, 'cut.tfstate'))
    const lines = cut.split('\n')
    expect(json).toMatchObject({ code: 'truncated', file: 'cut.tfstate', place: { line: lines.length, column: (lines.at(-1)?.length ?? 0) + 1 } })
    expect(json.message).toMatch(/ends before it is complete/)

    const yaml = await refusal(readInfrastructureText('Resources:\n  Q:\n    Type: AWS::SQS::Queue\n    Properties: {QueueName: "half', 'cut.yaml'))
    expect(yaml).toMatchObject({ code: 'truncated', file: 'cut.yaml', place: { line: 4 } })
  })

  it('malformed JSON names the line and column and shows only a short printable excerpt', async () => {
    const secret = 'Sup3rSecretPassword-never-echo-the-rest-of-this-value'
    const text = `{\n  "version": 4,\n  "lineage": "x",\n  "resources": [ oops "password": "${secret}" ]\n}`
    const error = await refusal(readInfrastructureText(text, 'bad.json'))
    expect(error).toMatchObject({ code: 'malformed', place: { line: 4, column: 18 } })
    expect(error.message.length).toBeLessThan(250)
    expect(error.message).not.toContain(secret)
  })

  it('a scanner findings file, a random JSON document, a list, plain text and binary data', async () => {
    const findings = await refusal(readInfrastructureText(JSON.stringify({ Findings: [{ SchemaVersion: '2018-10-08', Id: 'x' }] }), 'findings.json'))
    expect(findings).toMatchObject({ code: 'unknown-format' })
    expect(findings.message).toMatch(/scanner findings, not an infrastructure description: import it under Findings/)
    const ocsf = await refusal(readInfrastructureText(JSON.stringify([{ finding_info: { uid: 'x' }, status_code: 'FAIL' }]), 'ocsf.json'))
    expect(ocsf.message).toMatch(/scanner findings/)

    const random = await refusal(readInfrastructureText(JSON.stringify({ name: 'package', version: '1.0.0', dependencies: {} }), 'package.json'))
    expect(random.code).toBe('unknown-format')
    expect(random.message).toMatch(/top-level keys are "name", "version", "dependencies"/)

    expect((await refusal(readInfrastructureText('[1, 2, 3]', 'list.json'))).message).toMatch(/is a list, not an infrastructure description/)
    expect((await refusal(readInfrastructureText('just some notes about the network', 'notes.txt'))).message).toMatch(/is plain text/)

    const dir = tempDir()
    const png = path.join(dir, 'diagram.png')
    fs.writeFileSync(png, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]))
    expect(await refusal(readInfrastructureFile(png))).toMatchObject({ code: 'binary', file: png })
  })

  it('a YAML "billion laughs" file', async () => {
    const lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for (let i = 1; i < 10; i++) {
      const previous = String.fromCharCode(96 + i)
      const name = String.fromCharCode(97 + i)
      lines.push(`${name}: &${name} [${Array(9).fill(`*${previous}`).join(',')}]`)
    }
    lines.push('Resources:\n  Q:\n    Type: AWS::SQS::Queue\n    Properties:\n      Tags: *j')
    const error = await refusal(readInfrastructureText(lines.join('\n'), 'laughs.yaml'))
    expect(error.code).toBe('alias-limit')
    expect(error.place.line).toBeGreaterThan(1)
  })

  it('an empty file, and one holding only blank lines', async () => {
    const dir = tempDir()
    const files: [string, string][] = [
      ['empty.json', ''],
      ['blank.yaml', '\n  \n\t\n']
    ]
    for (const [name, content] of files) {
      const file = path.join(dir, name)
      fs.writeFileSync(file, content)
      expect(await refusal(readInfrastructureFile(file))).toMatchObject({ code: 'empty', file, detail: 'the file is empty' })
    }
  })

  it('a file over the size cap, without reading it', async () => {
    const dir = tempDir()
    const file = path.join(dir, 'huge.tfstate')
    fs.writeFileSync(file, '')
    fs.truncateSync(file, 257 * 1024 * 1024) // sparse: takes no disk space
    const error = await refusal(readInfrastructureFile(file))
    expect(error).toMatchObject({ code: 'too-large', file })
    expect(error.message).toMatch(/is 257 MB; infrastructure files over 256 MB are not read/)
  })

  it('a missing file', async () => {
    expect(await refusal(readInfrastructureFile('/nonexistent/plan.json'))).toMatchObject({ code: 'unreadable', detail: 'no such file' })
  })
})

describe.skipIf(process.platform === 'win32')('special files instead of regular ones are refused without blocking', () => {
  it('a symbolic link, a folder and a named pipe', async () => {
    const dir = tempDir()
    const link = path.join(dir, 'plan.json')
    fs.symlinkSync(ownFixture('terraform-plan_modules-for-each.json'), link)
    expect(await refusal(readInfrastructureFile(link))).toMatchObject({ code: 'symlink', file: link })
    expect(await refusal(readInfrastructureFile(dir))).toMatchObject({ code: 'not-a-file', detail: 'is a folder, not an infrastructure file' })
    const fifo = path.join(dir, 'pipe.json')
    execFileSync('mkfifo', [fifo])
    expect(await refusal(readInfrastructureFile(fifo))).toMatchObject({ code: 'not-a-file', detail: 'is a named pipe, not an infrastructure file' })
  })
})
