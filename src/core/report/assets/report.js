/**
 * The report page's script: sort, filter and expand tables, and review results (accept or reject
 * a match, add a standard, assign a subject) into a downloadable decisions.yaml. Reads only
 * attributes and textContent; writes only attributes, `hidden` and textContent, never markup
 * from catalogue text. The pure part (`gapscanReview`) is unit-tested in Node.
 */
const gapscanReview = (() => {
  'use strict'
  /** A YAML double-quoted scalar: JSON string syntax is valid YAML. */
  const yamlString = (value) => JSON.stringify(String(value))
  const FIELDS = ['subject', 'action', 'standard', 'sg', 'question', 'by', 'date', 'reason']
  /** decisions.yaml text of a list of decisions, fields in a fixed order. */
  const decisionsYaml = (decisions) => {
    const lines = [
      "# Reviewed decisions (see the comments of the catalogue's decisions.yaml), written by the",
      '# gapscan report page: the decisions the report was built from, then the new ones.',
    ]
    if (decisions.length === 0) return lines.concat('decisions: []', '').join('\n')
    lines.push('decisions:')
    for (const d of decisions) {
      const present = FIELDS.filter((f) => d[f] !== undefined && d[f] !== null && d[f] !== '')
      present.forEach((f, i) => lines.push(`${i === 0 ? '  - ' : '    '}${f}: ${yamlString(d[f])}`))
    }
    return lines.concat('').join('\n')
  }
  /** The key of a decision: a later one with the same key replaces it. */
  const keyOf = (d) =>
    [d.subject, d.action === 'assign' ? '' : d.standard, d.action === 'assign' ? 'assign' : 'link'].join(
      '\u0000',
    )
  /** Base decisions, then the new ones; a new one replaces an earlier new one with the same key. */
  const mergeDecisions = (base, added) => {
    const latest = new Map()
    for (const d of added) {
      latest.delete(keyOf(d))
      latest.set(keyOf(d), d)
    }
    return base.concat(Array.from(latest.values()))
  }
  return {yamlString, decisionsYaml, mergeDecisions}
})()

if (typeof document !== 'undefined')
  (() => {
    'use strict'
    const $$ = (sel, root) => Array.from((root || document).querySelectorAll(sel))
    const norm = (s) =>
      s
        .toLowerCase()
        .normalize('NFD')
        .replace(/[\u0300-\u036f]/g, '')
    const lang = document.documentElement.lang
    const detailOf = (row) => {
      const b = row.querySelector('button.toggle')
      return b ? document.getElementById(b.getAttribute('aria-controls')) : null
    }
    const setOpen = (btn, open) => {
      btn.setAttribute('aria-expanded', String(open))
      const d = document.getElementById(btn.getAttribute('aria-controls'))
      if (d) d.hidden = !open || btn.closest('tr').hidden
    }
    const order = new Map()
    $$('table.sortable tbody > tr.row').forEach((r, i) => order.set(r, i))
    const cmp = (a, b) => {
      const na = Number(a),
        nb = Number(b)
      if (a !== '' && b !== '' && !isNaN(na) && !isNaN(nb)) return na - nb
      return a.localeCompare(b, lang, {numeric: true, sensitivity: 'base'})
    }
    const sortBy = (th) => {
      const table = th.closest('table')
      const tbody = table.tBodies[0]
      const col = Array.from(th.parentElement.children).indexOf(th)
      const dir = th.getAttribute('aria-sort') === 'ascending' ? -1 : 1
      $$('th[aria-sort]', table.tHead).forEach((h) => h.setAttribute('aria-sort', 'none'))
      th.setAttribute('aria-sort', dir > 0 ? 'ascending' : 'descending')
      const key = (r) => {
        const c = r.cells[col]
        return c.hasAttribute('data-sort') ? c.getAttribute('data-sort') : c.textContent.trim()
      }
      $$(':scope > tr.row', tbody)
        .map((r) => ({r, k: key(r)}))
        .sort((x, y) => dir * cmp(x.k, y.k) || order.get(x.r) - order.get(y.r))
        .forEach(({r}) => {
          tbody.append(r)
          const d = detailOf(r)
          if (d) tbody.append(d)
        })
    }
    const appliers = new Map()
    $$('.filters').forEach((box) => {
      const table = document.getElementById(box.getAttribute('data-table'))
      if (!table) return
      const rows = $$(':scope > tbody > tr.row', table)
      const texts = new Map(rows.map((r) => [r, norm(r.textContent)]))
      const controls = $$('[data-filter]', box)
      const out = box.querySelector('output')
      const apply = () => {
        let shown = 0
        for (const r of rows) {
          let ok = true
          for (const c of controls) {
            const v = c.value.trim()
            if (!v) continue
            const f = c.getAttribute('data-filter')
            if (f === 'text')
              ok = norm(v)
                .split(/\s+/)
                .every((w) => texts.get(r).includes(w))
            else if (f === 'sg') ok = (r.getAttribute('data-sgs') || '').split(' ').includes(v)
            else ok = r.getAttribute('data-' + f) === v
            if (!ok) break
          }
          r.hidden = !ok
          if (ok) shown++
          const b = r.querySelector('button.toggle')
          if (b) setOpen(b, b.getAttribute('aria-expanded') === 'true')
        }
        if (out)
          out.textContent = out
            .getAttribute('data-template')
            .replace('{shown}', shown)
            .replace('{total}', rows.length)
      }
      const reset = () => {
        controls.forEach((c) => (c.value = ''))
        apply()
      }
      appliers.set(table, {apply, reset, box})
      box.addEventListener('input', apply)
      box.addEventListener('change', apply)
      const rb = box.querySelector('[data-reset]')
      if (rb) rb.addEventListener('click', reset)
    })
    const reveal = () => {
      const id = decodeURIComponent(location.hash.slice(1))
      const row = id ? document.getElementById(id) : null
      if (!row || !row.matches('tr.row')) return
      const f = appliers.get(row.closest('table'))
      if (row.hidden && f) f.reset()
      const b = row.querySelector('button.toggle')
      if (b) setOpen(b, true)
      row.scrollIntoView({block: 'center'})
    }
    document.addEventListener('click', (e) => {
      const t = e.target instanceof Element ? e.target : null
      if (!t) return
      const toggle = t.closest('button.toggle')
      if (toggle) return setOpen(toggle, toggle.getAttribute('aria-expanded') !== 'true')
      const sort = t.closest('button.sort')
      if (sort) return sortBy(sort.closest('th'))
      const bar = t.closest('a[data-sg]')
      if (bar) {
        const sel = document.querySelector('[data-table="subjects-table"] [data-filter="sg"]')
        if (sel) {
          sel.value = bar.getAttribute('data-sg')
          sel.dispatchEvent(new Event('change', {bubbles: true}))
        }
      }
    })
    window.addEventListener('hashchange', reveal)
    reveal()

    // Review: one panel records decisions for the subject chosen by a row's Review button.
    const dataNode = document.getElementById('rv-data')
    const base = dataNode ? JSON.parse(dataNode.textContent).decisions : []
    const added = []
    const panel = document.getElementById('review-panel')
    const el = (id) => document.getElementById(id)
    const today = () => new Date().toISOString().slice(0, 10)
    /** Shows the controls the chosen action needs. */
    const showAction = () => {
      const action = el('rv-action').value
      el('rv-match').hidden = action === 'add' || action === 'assign'
      el('rv-standard').hidden = action !== 'add'
      el('rv-sg').disabled = action !== 'assign'
      el('rv-question').disabled = action !== 'assign'
    }
    const showQuestions = () => {
      const sg = el('rv-sg').value
      Array.from(el('rv-question').options).forEach(
        (o) => (o.hidden = o.value !== '' && o.getAttribute('data-sg') !== sg),
      )
      el('rv-question').value = ''
    }
    /** Selects a subject: its matches (read from its detail row) become the standards to accept or reject. */
    const openReview = (button) => {
      const subject = button.getAttribute('data-subject')
      el('rv-subject').textContent = subject
      panel.setAttribute('data-subject', subject)
      const match = el('rv-match')
      match.replaceChildren()
      const detail = button.closest('tr.detail')
      $$('table.matches tbody th.id', detail || document.createElement('div')).forEach((th) => {
        const o = document.createElement('option')
        o.value = th.textContent.trim()
        o.textContent = o.value
        match.append(o)
      })
      panel.scrollIntoView({block: 'nearest'})
      el('rv-action').focus()
    }
    const record = () => {
      const msg = el('rv-msg')
      const subject = panel.getAttribute('data-subject')
      const action = el('rv-action').value
      const reason = el('rv-reason').value.trim()
      const by = el('rv-by').value.trim()
      const d = {subject, action}
      if (action === 'assign') {
        d.sg = el('rv-sg').value
        if (el('rv-question').value) d.question = el('rv-question').value
      } else d.standard = (action === 'add' ? el('rv-standard') : el('rv-match')).value.trim()
      if (!subject || !(d.sg || d.standard))
        return void (msg.textContent = panel.getAttribute('data-need-subject'))
      if (!reason || !by) return void (msg.textContent = panel.getAttribute('data-need'))
      Object.assign(d, {by, date: today(), reason})
      added.push(d)
      const target = d.sg
        ? `${panel.getAttribute('data-sg-prefix')}${d.sg}${d.question ? ` ${d.question}` : ''}`
        : d.standard
      msg.textContent = `${subject}: ${el('rv-action').selectedOptions[0].textContent} ${target}`
      const count = el('rv-count')
      count.textContent = count.getAttribute('data-template').replace('{count}', String(added.length))
    }
    if (panel) {
      el('rv-action').addEventListener('change', showAction)
      el('rv-sg').addEventListener('change', showQuestions)
      el('rv-record').addEventListener('click', record)
      document.addEventListener('click', (e) => {
        const t = e.target instanceof Element ? e.target.closest('button.rv-open') : null
        if (t) openReview(t)
      })
      showAction()
    }
    const download = document.getElementById('rv-download')
    if (download) {
      download.addEventListener('click', () => {
        const yaml = gapscanReview.decisionsYaml(gapscanReview.mergeDecisions(base, added))
        const url = URL.createObjectURL(new Blob([yaml], {type: 'application/yaml'}))
        const a = document.createElement('a')
        a.href = url
        a.download = 'decisions.yaml'
        document.body.append(a)
        a.click()
        a.remove()
        setTimeout(() => URL.revokeObjectURL(url), 1000)
      })
    }
  })()
