// The viewer's page. Everything a trace holds is untrusted text: it reaches the page only as
// text nodes (el() and textContent), never as markup.
'use strict';

const LARGE_FIELD_CHARS = 1500;
const main = document.getElementById('main');

function el(tag, props, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'className') node.className = value;
    else if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
    else if (key === 'dataset') Object.assign(node.dataset, value);
    else node.setAttribute(key, String(value));
  }
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

async function api(path) {
  const response = await fetch('/api/' + path, { credentials: 'same-origin' });
  const body = await response.json();
  if (!response.ok) throw new Error(body.error || ('HTTP ' + response.status));
  return body;
}

function fmtTime(ms) {
  const d = new Date(ms);
  const pad = n => String(n).padStart(2, '0');
  return d.getFullYear() + '-' + pad(d.getMonth() + 1) + '-' + pad(d.getDate()) + ' '
    + pad(d.getHours()) + ':' + pad(d.getMinutes()) + ':' + pad(d.getSeconds());
}
function fmtDuration(ms) { return ms < 1000 ? ms + ' ms' : (ms / 1000).toFixed(ms < 10000 ? 2 : 1) + ' s'; }
function fmtCost(c) { return c > 0 ? '$' + (c < 0.01 ? c.toFixed(5) : c.toFixed(4)) : '–'; }
function fmtInt(n) { return n ? n.toLocaleString('en-US') : '–'; }

function setActive(name) {
  for (const id of ['traces', 'overview']) {
    document.getElementById('nav-' + id).classList.toggle('active', id === name);
  }
}

function hashParams() {
  const hash = location.hash || '#/traces';
  const q = hash.indexOf('?');
  return { path: q < 0 ? hash.slice(1) : hash.slice(1, q), params: new URLSearchParams(q < 0 ? '' : hash.slice(q + 1)) };
}

async function route() {
  const { path, params } = hashParams();
  main.replaceChildren(el('div', { className: 'empty' }, 'Loading…'));
  try {
    if (path.startsWith('/trace/')) await showTrace(decodeURIComponent(path.slice('/trace/'.length)));
    else if (path === '/overview') await showOverview();
    else await showList(params);
  } catch (error) {
    main.replaceChildren(el('div', { className: 'panel error-text', id: 'load-error' }, 'Could not load: ' + error.message));
  }
  refreshStatus();
}

async function refreshStatus() {
  try {
    const status = await api('status');
    document.getElementById('status').textContent = status.traces.toLocaleString('en-US') + ' traces stored';
  } catch (ignored) { /* the page still works without the count */ }
}

// ---- traces list ----

const FILTERS = ['name', 'user', 'session', 'tag', 'status', 'model', 'q', 'text', 'from', 'to'];

function select(name, label, values, current) {
  return el('label', {}, label, el('select', { name, id: 'filter-' + name },
    el('option', { value: '' }, 'any'),
    values.map(v => el('option', { value: v, selected: v === current }, v))));
}
function input(name, label, current, type) {
  return el('label', {}, label, el('input', { name, id: 'filter-' + name, value: current || '', type: type || 'text' }));
}
function toLocalInput(ms) {
  if (!ms) return '';
  const d = new Date(Number(ms));
  d.setMinutes(d.getMinutes() - d.getTimezoneOffset());
  return d.toISOString().slice(0, 16);
}

async function showList(params) {
  setActive('traces');
  const query = new URLSearchParams();
  for (const key of FILTERS.concat(['cursor'])) if (params.get(key)) query.set(key, params.get(key));
  const [facets, page] = await Promise.all([api('facets'), api('traces?' + query)]);
  const form = el('form', { className: 'filters panel', id: 'filters' },
    select('name', 'Name', facets.names, params.get('name')),
    input('user', 'User', params.get('user')),
    input('session', 'Session', params.get('session')),
    select('tag', 'Tag', facets.tags, params.get('tag')),
    select('status', 'Status', ['success', 'error'], params.get('status')),
    select('model', 'Model', facets.models, params.get('model')),
    input('q', 'Search', params.get('q')),
    input('text', 'Text in inputs/outputs', params.get('text')),
    input('from', 'From', toLocalInput(params.get('from')), 'datetime-local'),
    input('to', 'To', toLocalInput(params.get('to')), 'datetime-local'),
    el('button', { type: 'submit', id: 'apply-filters' }, 'Apply'),
    el('button', { type: 'button', className: 'secondary', onclick: () => { location.hash = '#/traces'; } }, 'Clear'));
  form.addEventListener('submit', event => {
    event.preventDefault();
    const next = new URLSearchParams();
    for (const key of FILTERS) {
      const field = form.elements[key];
      if (!field.value) continue;
      next.set(key, key === 'from' || key === 'to' ? String(new Date(field.value).getTime()) : field.value);
    }
    location.hash = '#/traces?' + next;
  });
  const rows = page.traces.map(t => el('tr', { className: 'trace-row', dataset: { traceId: t.trace_id },
      onclick: () => { location.hash = '#/trace/' + encodeURIComponent(t.trace_id); } },
    el('td', {}, fmtTime(t.start_ms)),
    el('td', { className: 'name' }, t.name),
    el('td', {}, t.user_id || '–'),
    el('td', {}, t.session_id || '–'),
    el('td', {}, t.tags.map(tag => el('span', { className: 'pill', title: tag }, tag))),
    el('td', {}, el('span', { className: 'pill ' + t.status }, t.status)),
    el('td', {}, t.models.map(m => el('span', { className: 'pill', title: m }, m))),
    el('td', { className: 'num' }, fmtDuration(t.duration_ms)),
    el('td', { className: 'num' }, fmtInt(t.total_tokens)),
    el('td', { className: 'num' }, fmtCost(t.cost)),
    el('td', { className: 'num' }, t.span_count),
    el('td', {}, t.scores.map(s => el('span', { className: 'pill', title: s.name },
      s.name + ': ' + (s.score !== null ? Number(s.score).toFixed(2) : s.label))))));
  const table = rows.length === 0
    ? el('div', { className: 'panel empty', id: 'no-traces' }, 'No traces match. Traces appear here as the watched folders and /v1/traces receive them.')
    : el('table', { className: 'list', id: 'trace-table' },
      el('thead', {}, el('tr', {}, ['Start', 'Name', 'User', 'Session', 'Tags', 'Status', 'Models'].map(h => el('th', {}, h)),
        ['Duration', 'Tokens', 'Cost', 'Spans'].map(h => el('th', { className: 'num' }, h)), el('th', {}, 'Scores'))),
      el('tbody', {}, rows));
  const pageParams = (cursor) => { const p = new URLSearchParams(params); p.delete('cursor'); if (cursor) p.set('cursor', cursor); return '#/traces?' + p; };
  const pager = el('div', { className: 'pager' },
    el('button', { className: 'secondary', id: 'newest', disabled: !params.get('cursor'), onclick: () => { location.hash = pageParams(null); } }, '« Newest'),
    el('button', { className: 'secondary', id: 'older', disabled: !page.next_cursor, onclick: () => { location.hash = pageParams(page.next_cursor); } }, 'Older »'),
    el('span', {}, page.traces.length + ' shown'));
  main.replaceChildren(form, table, pager);
}

// ---- one trace ----

function spanTree(spans) {
  const byId = new Map(spans.map(s => [s.span_id, s]));
  const children = new Map();
  const roots = [];
  for (const span of spans) {
    const parent = span.parent_span_id;
    if (parent && byId.has(parent) && parent !== span.span_id) {
      if (!children.has(parent)) children.set(parent, []);
      children.get(parent).push(span);
    } else roots.push(span);
  }
  const ordered = [];
  const seen = new Set();
  const visit = (span, depth) => {
    if (seen.has(span.span_id)) return;
    seen.add(span.span_id);
    ordered.push({ span, depth });
    (children.get(span.span_id) || []).sort((a, b) => a.start_time - b.start_time).forEach(c => visit(c, depth + 1));
  };
  roots.sort((a, b) => a.start_time - b.start_time).forEach(r => visit(r, 0));
  return ordered;
}

// The service that recorded a span of another service's child segment: the merger's mark
// (llmops.segment_service), else the segment the viewer stored it under, else (traces merged
// before the marks existed) a span project_id other than the trace's.
function otherService(trace, span, segments) {
  const metadata = span.metadata || {};
  const project = metadata.project_id;
  if (typeof metadata['llmops.segment_service'] === 'string') return metadata['llmops.segment_service'];
  if (segments[span.span_id]) return project || 'segment ' + String(segments[span.span_id]).slice(0, 8);
  if (project && project !== trace.project_id) return project;
  return null;
}

async function showTrace(traceId) {
  setActive('traces');
  const { trace, span_segments: segments } = await api('traces/' + encodeURIComponent(traceId));
  const spans = trace.spans || [];
  const start = Math.min(trace.start_time, ...spans.map(s => s.start_time));
  const end = Math.max(trace.end_time, ...spans.map(s => s.end_time));
  const total = Math.max(end - start, 0.000001);
  const details = el('div', { className: 'panel details', id: 'span-details' }, el('div', { className: 'empty' }, 'Select a span'));
  const rows = spanTree(spans).map(({ span, depth }) => {
    const left = (span.start_time - start) / total * 100;
    const width = Math.max((span.end_time - span.start_time) / total * 100, 0.2);
    const bar = el('div', { className: 'bar t-' + span.span_type });
    bar.style.left = left + '%';
    bar.style.width = width + '%';
    const barLabel = el('span', { className: 'bar-label' }, fmtDuration(span.duration_ms));
    if (left + width > 85) {
      barLabel.classList.add('inside');
      barLabel.style.right = (100 - left - width + 0.5) + '%';
    } else barLabel.style.left = (left + width + 0.5) + '%';
    const service = otherService(trace, span, segments);
    const label = el('div', { className: 'label', title: span.span_name },
      el('span', { className: 'type t-' + span.span_type }, span.span_type),
      span.span_name,
      service ? el('span', { className: 'pill segment', title: 'recorded by another service' }, '↪ ' + service) : null,
      span.status === 'error' ? el('span', { className: 'pill error' }, 'error') : null);
    label.style.paddingLeft = (depth * 14) + 'px';
    const row = el('div', { className: 'span-row' + (span.status === 'error' ? ' error' : '') + (service ? ' from-segment' : ''),
      dataset: { spanId: span.span_id } },
      label, el('div', { className: 'track' }, bar, barLabel));
    row.addEventListener('click', () => {
      for (const other of document.querySelectorAll('.span-row.selected')) other.classList.remove('selected');
      row.classList.add('selected');
      details.replaceChildren(...spanDetails(span, service));
    });
    return row;
  });
  const header = el('div', { className: 'panel' },
    el('a', { href: '#/traces', className: 'back' }, '← Traces'),
    el('h1', { id: 'trace-name' }, trace.trace_name),
    el('div', { className: 'meta-line' },
      el('span', { id: 'trace-id' }, 'id ' + trace.trace_id, copyButton(trace.trace_id, 'trace id')),
      el('span', {}, fmtTime(trace.start_time * 1000)),
      el('span', {}, fmtDuration(trace.duration_ms)),
      trace.user_id ? el('span', {}, 'user ' + trace.user_id) : null,
      trace.session_id ? el('span', {}, 'session ' + trace.session_id) : null,
      el('span', {}, 'project ' + trace.project_id + ' / ' + trace.environment),
      el('span', {}, fmtInt(trace.token_usage && trace.token_usage.total_tokens) + ' tokens'),
      el('span', {}, fmtCost(trace.cost && trace.cost.total_cost)),
      (trace.tags || []).map(tag => el('span', { className: 'pill' }, tag))),
    field('Trace input', trace.trace_input),
    field('Trace output', trace.trace_output));
  const waterfall = el('div', { className: 'panel waterfall', id: 'waterfall', tabindex: '0',
    title: 'arrow keys or j/k: next and previous span; Home/End: first and last' },
    el('h2', {}, spans.length + ' spans'), rows);
  waterfall.addEventListener('keydown', event => {
    const current = rows.findIndex(row => row.classList.contains('selected'));
    const next = { ArrowDown: current + 1, j: current + 1, ArrowUp: current - 1, k: current - 1,
      Home: 0, End: rows.length - 1 }[event.key];
    if (next === undefined || next < 0 || next >= rows.length) return;
    event.preventDefault();
    rows[next].click();
    rows[next].scrollIntoView({ block: 'nearest' });
  });
  main.replaceChildren(header, el('div', { className: 'trace-layout' }, waterfall, details));
  if (rows.length > 0) rows[0].click();
  waterfall.focus({ preventScroll: true });
}

function pretty(value) {
  if (typeof value === 'string') {
    const trimmed = value.trim();
    if ((trimmed.startsWith('{') || trimmed.startsWith('[')) && trimmed.length < 1000000) {
      try { return JSON.stringify(JSON.parse(trimmed), null, 2); } catch (ignored) { /* plain text */ }
    }
    return value;
  }
  return JSON.stringify(value, null, 2);
}

function field(title, value) {
  if (value === undefined || value === null) return null;
  if (typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length === 0) return null;
  const text = pretty(value);
  const pre = el('pre', { className: 'json' }, text);
  const body = text.length > LARGE_FIELD_CHARS
    ? el('details', { className: 'large' }, el('summary', {}, 'show ' + text.length.toLocaleString('en-US') + ' characters'), pre)
    : pre;
  return el('section', {}, el('h3', {}, title), body);
}

// A button that copies an id; the page is served from 127.0.0.1, a secure context, so the
// asynchronous clipboard is there. What happened shows on the button for a moment.
function copyButton(value, what) {
  const button = el('button', { type: 'button', className: 'copy', title: 'copy the ' + what }, 'copy');
  button.addEventListener('click', event => {
    event.stopPropagation();
    const shown = done => { button.textContent = done; setTimeout(() => { button.textContent = 'copy'; }, 1500); };
    navigator.clipboard.writeText(value).then(() => shown('copied'), () => shown('not copied'));
  });
  return button;
}

function spanDetails(span, service) {
  const metadata = Object.assign({}, span.metadata || {});
  const toolCalls = metadata['llm.tool_calls'];
  delete metadata['llm.tool_calls'];
  const evaluation = span.input_data && span.input_data.evaluation;
  const facts = [['type', span.span_type], ['status', span.status + (span.status_message ? ': ' + span.status_message : '')],
    ['duration', fmtDuration(span.duration_ms)], ['model', span.model_id], ['level', span.level],
    ['service', service], ['span id', span.span_id]].filter(([, v]) => v);
  return [
    el('h2', { id: 'span-title' }, span.span_name),
    el('dl', { className: 'kv' }, facts.map(([k, v]) => [el('dt', {}, k),
      el('dd', {}, v, k === 'span id' ? copyButton(v, 'span id') : null)])),
    span.error ? el('section', {}, el('h3', {}, 'Error'), el('pre', { className: 'json error-text' }, span.error)) : null,
    field('Evaluation', evaluation),
    field('Prompt', span.prompt),
    field('Response', span.response),
    field('Input', span.input_data),
    field('Output', span.output_data),
    field('Tool calls', toolCalls),
    field('Usage', span.usage),
    field('Cost', span.cost),
    field('Metadata', metadata),
  ].filter(Boolean);
}

// ---- overview ----

async function showOverview() {
  setActive('overview');
  const data = await api('overview');
  const charts = el('div', { className: 'charts', id: 'charts' });
  main.replaceChildren(el('h1', {}, 'Overview, last 30 days'), charts);
  // Every panel goes into the grid before any chart is drawn: ECharts fixes its size when it is
  // created, and a panel measured while it was still alone in its row was as wide as the row, so
  // its right part (later categories) was cut off once the grid shared the row.
  const pending = [];
  const add = (title, option) => {
    const box = el('div', { className: 'chart' });
    charts.append(el('div', { className: 'panel' }, el('h2', {}, title), box));
    pending.push(() => {
      // SVG: the canvas renderer sizes its layers with style attributes, which the CSP refuses.
      const chart = echarts.init(box, null, { renderer: 'svg' });
      chart.setOption(Object.assign({ tooltip: { trigger: 'axis', renderMode: 'richText' }, grid: { left: 40, right: 30, top: 40, bottom: 20, containLabel: true }, animation: false }, option));
      new ResizeObserver(() => chart.resize()).observe(box);
    });
  };
  if (typeof echarts === 'undefined') {
    charts.append(el('div', { className: 'panel error-text' }, 'The charting library did not load.'));
    return;
  }
  if (data.by_day.length === 0) {
    charts.append(el('div', { className: 'panel empty', id: 'no-data' }, 'No traces in the last 30 days.'));
    return;
  }
  const models = data.by_model.map(m => m.model);
  // Every category labelled (ECharts would skip some that overlap), long names cut short.
  const rotated = { type: 'category', axisLabel: { rotate: 20, fontSize: 10, interval: 0, width: 110, overflow: 'truncate' } };
  add('Cost by model (US$)', { xAxis: Object.assign({ data: models }, rotated), yAxis: { type: 'value' },
    series: [{ type: 'bar', name: 'cost', data: data.by_model.map(m => m.cost) }] });
  add('Tokens by model', { legend: {}, xAxis: Object.assign({ data: models }, rotated), yAxis: { type: 'value' },
    series: [{ type: 'bar', stack: 't', name: 'input', data: data.by_model.map(m => m.input_tokens) },
      { type: 'bar', stack: 't', name: 'output', data: data.by_model.map(m => m.output_tokens) }] });
  const days = data.by_day.map(d => d.day);
  add('Cost and tokens by day', { legend: {}, xAxis: { type: 'category', data: days },
    yAxis: [{ type: 'value', name: 'US$' }, { type: 'value', name: 'tokens' }],
    series: [{ type: 'bar', name: 'cost', data: data.by_day.map(d => d.cost) },
      { type: 'line', name: 'tokens', yAxisIndex: 1, data: data.by_day.map(d => d.tokens) }] });
  const names = data.by_name.map(n => n.name);
  add('Latency by trace name (ms)', { legend: {}, xAxis: Object.assign({ data: names }, rotated), yAxis: { type: 'value' },
    series: ['p50', 'p90', 'p99'].map(p => ({ type: 'bar', name: p, data: data.by_name.map(n => n[p + '_ms']) })) });
  add('Error rate by trace name', { xAxis: Object.assign({ data: names }, rotated),
    yAxis: { type: 'value', max: 1, axisLabel: { formatter: v => Math.round(v * 100) + '%' } },
    series: [{ type: 'bar', name: 'error rate', data: data.by_name.map(n => n.error_rate), itemStyle: { color: '#c8372d' } }] });
  for (const score of data.scores) {
    add('Evaluation "' + score.name + '"' + (score.kind === 'label' ? ' labels' : ' scores'), {
      xAxis: Object.assign({ data: score.buckets.map(b => b.label) }, rotated), yAxis: { type: 'value', minInterval: 1 },
      series: [{ type: 'bar', name: 'evaluations', data: score.buckets.map(b => b.count) }] });
  }
  pending.forEach(draw => draw());
}

window.addEventListener('hashchange', route);
route();
