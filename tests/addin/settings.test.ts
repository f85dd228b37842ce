// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest'
import { loadSettings, saveSettings } from '../../addin/settings'

const g = globalThis as unknown as { Office?: { context: { partitionKey?: string } } }

describe('pane settings', () => {
  beforeEach(() => {
    window.localStorage.clear()
    g.Office = { context: {} }
  })

  it('defaults the server to the pane origin and an empty token', () => {
    expect(loadSettings()).toEqual({ serverUrl: window.location.protocol + '//' + window.location.host, token: '' })
  })

  it('keeps the token in localStorage under the partition key when Office gives one', () => {
    g.Office = { context: { partitionKey: 'pk-1' } }
    saveSettings({ serverUrl: 'https://ntm.example.org/', token: ' abc ' })
    expect(loadSettings()).toEqual({ serverUrl: 'https://ntm.example.org', token: 'abc' })
    expect(window.localStorage.getItem('pk-1:ntm.settings')).toContain('abc')
    expect(window.localStorage.getItem('ntm.settings')).toBeNull()
    g.Office = { context: { partitionKey: 'pk-2' } }
    expect(loadSettings().token).toBe('')
  })
})
