// The repository's own checks of the add-in manifest, run everywhere (no network, no schema files). They hold the
// facts of Microsoft's manifest schema (OfficeApp 1.1, TaskPaneApp, VersionOverrides 1.0) that our manifest relies
// on: element order and presence, the formats of Id, Version and locales, string lengths, https URLs, permission
// names, and resource ids that resolve. Microsoft's XSDs, where available (../shared/schemas), check the rest.

/** A small XML reader for manifests: elements, attributes and text; comments, declarations and PIs skipped. */
export function parseXml(text) {
  const root = { name: '#document', attrs: {}, children: [], text: '' }
  const stack = [root]
  const re = /<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<!\[CDATA\[([\s\S]*?)\]\]>|<!DOCTYPE[^>]*>|<\/\s*([^\s>]+)\s*>|<([^\s/>!?]+)((?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>|([^<]+)|(<)/g
  let m
  while ((m = re.exec(text)) !== null) {
    const top = stack[stack.length - 1]
    if (m[7]) throw new Error('not well-formed: a "<" that opens no tag, at character ' + m.index)
    if (m[1] !== undefined) top.text += m[1]
    else if (m[2]) {
      if (top.name !== m[2]) throw new Error('not well-formed: </' + m[2] + '> closes <' + top.name + '>')
      stack.pop()
    } else if (m[3]) {
      const attrs = {}
      const attrRe = /([^\s=]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g
      let a
      while ((a = attrRe.exec(m[4])) !== null) attrs[a[1]] = decode(a[2] ?? a[3])
      const el = { name: m[3], attrs, children: [], text: '' }
      top.children.push(el)
      if (!m[5]) stack.push(el)
    } else if (m[6] !== undefined) {
      if (top === root && m[6].trim() !== '') throw new Error('not well-formed: text outside the root element')
      top.text += decode(m[6])
    }
  }
  if (stack.length !== 1) throw new Error('not well-formed: <' + stack[stack.length - 1].name + '> is never closed')
  if (root.children.length !== 1) throw new Error('not well-formed: ' + root.children.length + ' root elements')
  return root.children[0]
}

function decode(text) {
  return text.replace(/&(lt|gt|amp|quot|apos|#\d+|#x[0-9a-fA-F]+);/g, (_, e) =>
    e === 'lt' ? '<' : e === 'gt' ? '>' : e === 'amp' ? '&' : e === 'quot' ? '"' : e === 'apos' ? "'" : String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : Number(e.slice(1))),
  )
}

const local = (name) => name.replace(/^.*:/, '')
const child = (el, name) => el.children.find((c) => local(c.name) === name)
const all = (el, name) => el.children.filter((c) => local(c.name) === name)
function* walk(el) {
  yield el
  for (const c of el.children) yield* walk(c)
}

// OfficeApp's sequence for a TaskPaneApp: [name, required].
const SEQUENCE = [
  ['Id', true], ['AlternateId', false], ['Version', true], ['ProviderName', true], ['DefaultLocale', true], ['DisplayName', true],
  ['Description', true], ['IconUrl', false], ['HighResolutionIconUrl', false], ['SupportUrl', false], ['AppDomains', false],
  ['Hosts', false], ['Requirements', false], ['DefaultSettings', true], ['Permissions', true], ['VersionOverrides', false],
]
const UUID_RE = /^(urn:uuid:)?[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$|^\{[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\}$/
const VERSION_RE = /^[0-9]{1,5}(\.[0-9]{1,5}){0,3}$/
const CULTURE_RE = /^([a-zA-Z]{2,3}-[a-zA-Z0-9]{3,8}(-[a-zA-Z]{2,3})?|[a-zA-Z]{2,3}(-[a-zA-Z]{2,3}(_tradnl|\.pseudo|-[a-zA-Z]{4,8})?)?)$/
const PERMISSIONS = ['Restricted', 'ReadDocument', 'ReadAllDocument', 'WriteDocument', 'ReadWriteDocument']
const SHORT = 125
const LONG = 250
const URL_MAX = 2048
const RESID_MAX = 32

/** Every problem found, as sentences; an empty list means the manifest passes the repository's checks. */
export function checkManifestRules(xml) {
  let app
  try {
    app = parseXml(xml)
  } catch (err) {
    return [err.message]
  }
  const errors = []
  if (app.name !== 'OfficeApp') errors.push('the root element is <' + app.name + '>, not <OfficeApp>')
  if (app.attrs.xmlns !== 'http://schemas.microsoft.com/office/appforoffice/1.1') errors.push('OfficeApp must use the namespace http://schemas.microsoft.com/office/appforoffice/1.1')
  if (app.attrs['xsi:type'] !== 'TaskPaneApp') errors.push('OfficeApp must be xsi:type="TaskPaneApp"')

  // Order, presence, and nothing unknown at the top level.
  const names = app.children.map((c) => c.name)
  let at = 0
  for (const name of names) {
    const pos = SEQUENCE.findIndex(([n]) => n === name)
    if (pos < 0) errors.push('<' + name + '> is not an element of OfficeApp')
    else if (pos < at) errors.push('<' + name + '> is out of order (after <' + SEQUENCE[at][0] + '>)')
    else at = pos
  }
  for (const [name, required] of SEQUENCE) {
    const n = names.filter((x) => x === name).length
    if (required && n === 0) errors.push('<' + name + '> is missing')
    if (n > 1) errors.push('<' + name + '> appears ' + n + ' times')
  }

  const text = (name) => (child(app, name) ? child(app, name).text.trim() : null)
  const id = text('Id')
  if (id !== null && !UUID_RE.test(id)) errors.push('<Id> "' + id + '" is not a GUID')
  const version = text('Version')
  if (version !== null && !VERSION_RE.test(version)) errors.push('<Version> "' + version + '" is not n.n.n.n')
  const locale = text('DefaultLocale')
  if (locale !== null && !CULTURE_RE.test(locale)) errors.push('<DefaultLocale> "' + locale + '" is not a culture name')
  const provider = text('ProviderName')
  if (provider !== null && (provider.length < 1 || provider.length > SHORT)) errors.push('<ProviderName> must be 1–' + SHORT + ' characters')
  const permissions = text('Permissions')
  if (permissions !== null && !PERMISSIONS.includes(permissions)) errors.push('<Permissions> "' + permissions + '" is not one of ' + PERMISSIONS.join(', '))

  // Locale-aware settings: DefaultValue and each Override's Locale and Value.
  const localeAware = (el, what, max) => {
    if (!el) return
    const values = [el.attrs.DefaultValue, ...all(el, 'Override').map((o) => o.attrs.Value)]
    if (values.some((v) => v === undefined || v.length < 1 || v.length > max)) errors.push(what + ' must be 1–' + max + ' characters in every language')
    for (const o of all(el, 'Override')) if (!CULTURE_RE.test(o.attrs.Locale ?? '')) errors.push(what + ': Override Locale "' + o.attrs.Locale + '" is not a culture name')
  }
  localeAware(child(app, 'DisplayName'), '<DisplayName>', SHORT)
  localeAware(child(app, 'Description'), '<Description>', LONG)

  // URLs are https and bounded (Office loads add-ins over https only).
  for (const el of walk(app)) {
    const name = local(el.name)
    const urls = []
    if (['IconUrl', 'HighResolutionIconUrl', 'SupportUrl', 'SourceLocation', 'Image', 'Url'].includes(name) && el.attrs.DefaultValue !== undefined) urls.push(el.attrs.DefaultValue)
    if (name === 'AppDomain') urls.push(el.text.trim())
    for (const u of urls) {
      if (!/^https:\/\/[^\s]+$/.test(u)) errors.push('<' + name + '> "' + u + '" is not an https URL')
      else if (u.length > URL_MAX) errors.push('<' + name + '> is longer than ' + URL_MAX + ' characters')
    }
  }
  const settings = child(app, 'DefaultSettings')
  if (settings && !child(settings, 'SourceLocation')) errors.push('<DefaultSettings> has no <SourceLocation>')

  // VersionOverrides: every resid resolves to a resource of the right kind; ids and strings within bounds.
  const overrides = child(app, 'VersionOverrides')
  if (overrides) {
    const resources = child(overrides, 'Resources')
    const ids = { Images: new Set(), Urls: new Set(), ShortStrings: new Set(), LongStrings: new Set() }
    for (const kind of Object.keys(ids)) {
      const group = resources && child(resources, kind)
      if (!group) continue
      for (const r of group.children) {
        const rid = r.attrs.id ?? ''
        if (rid.length < 1 || rid.length > RESID_MAX) errors.push('resource id "' + rid + '" must be 1–' + RESID_MAX + ' characters')
        if (ids[kind].has(rid)) errors.push('resource id "' + rid + '" is defined twice in ' + kind)
        ids[kind].add(rid)
        if (kind === 'ShortStrings') localeAware(r, 'short string "' + rid + '"', SHORT)
        if (kind === 'LongStrings') localeAware(r, 'long string "' + rid + '"', LONG)
      }
    }
    for (const el of walk(overrides)) {
      const rid = el.attrs.resid
      if (rid === undefined) continue
      const name = local(el.name)
      const kind = name === 'Image' ? 'Images' : name === 'SourceLocation' || name === 'LearnMoreUrl' ? 'Urls'
        : name === 'Description' ? 'LongStrings' : 'ShortStrings'
      if (!ids[kind].has(rid)) errors.push('<' + name + ' resid="' + rid + '"> names no resource in ' + kind)
    }
  }
  return errors
}
