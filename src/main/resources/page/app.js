// The page's one module: the form is built from GET /model, the answer of POST /predict is shown as it comes.
// No framework and no build step; nothing is written as HTML: every node is made with the DOM, and every text
// set with textContent, so neither a field's description nor a server message can inject markup.

// Row 1 of the Cleveland file, the README's example (src/test/resources/payloads/example.json).
const EXAMPLE = { age: 63, sex: 1, cp: 1, trestbps: 145, chol: 233, fbs: 1, restecg: 2, thalach: 150, exang: 0,
  oldpeak: 2.3, slope: 3, ca: 0, thal: 6 };

const $ = (id) => document.getElementById(id);

function element(tag, properties = {}, ...children) {
  const node = Object.assign(document.createElement(tag), properties);
  node.append(...children);
  return node;
}

const percent = (p) => `${(100 * p).toFixed(1)} %`;
const signed = (x) => `${x < 0 ? '\u2212' : '+'}${Math.abs(x).toFixed(2)}`;
const capitalised = (text) => text.charAt(0).toUpperCase() + text.slice(1);

let model;

function hint(field) {
  const parts = [field.name];
  if (field.type === 'number') {
    parts.push(`${field.minimum}\u2013${field.maximum}${field.unit ? ' ' + field.unit : ''}`);
  }
  if (field.mayBeMissing) {
    parts.push(`may be left empty: imputed with ${field.imputedWith}`);
  }
  return parts.join('; ');
}

function control(field) {
  const common = { id: `f-${field.name}`, name: field.name };
  if (field.type === 'number') {
    return element('input', { ...common, type: 'number', step: 'any', min: field.minimum, max: field.maximum,
      inputMode: 'decimal' });
  }
  const select = element('select', common,
    element('option', { value: '', textContent: field.mayBeMissing ? 'not known' : 'choose\u2026' }));
  for (const code of field.codes) {
    const meaning = code.meaning ?? `${code.code}${field.unit ? ' ' + field.unit : ''}`;
    select.append(element('option', { value: String(code.code), textContent: `${code.code} \u2013 ${meaning}` }));
  }
  return select;
}

function buildForm() {
  const fields = $('fields');
  for (const field of model.fields) {
    const input = control(field);
    const unit = field.type === 'number' && field.unit ? ` (${field.unit})` : '';
    const label = element('label', { htmlFor: input.id, textContent: capitalised(field.description) + unit });
    const note = element('p', { className: 'hint', id: `hint-${field.name}`, textContent: hint(field) });
    const error = element('p', { className: 'error', id: `error-${field.name}` });
    input.setAttribute('aria-describedby', `${note.id} ${error.id}`);
    fields.append(element('div', { className: 'field' }, label, input, note, error));
  }
}

function showCard() {
  const { holdout, crossValidation: cv } = model.evaluation;
  const rows = [
    ['Validation accuracy (hold-out)', percent(holdout.validationAccuracy)],
    ['ROC AUC (hold-out)', holdout.rocAuc.toFixed(3)],
    [`ROC AUC (${cv.folds}-fold cross-validation)`, `${cv.rocAuc.mean.toFixed(3)} \u00b1 ${cv.rocAuc.sd.toFixed(3)}`],
    [`Accuracy (${cv.folds}-fold cross-validation)`, `${percent(cv.accuracy.mean)} \u00b1 ${percent(cv.accuracy.sd)}`],
    ['Brier score (hold-out)', holdout.brierScore.toFixed(4)],
    ['Threshold', String(model.threshold)],
  ];
  $('metrics').tBodies[0].append(...rows.map(([name, value]) =>
    element('tr', {}, element('th', { scope: 'row', textContent: name }), element('td', { textContent: value }))));
  $('provenance').textContent = `${model.name}, trained at ${model.trainedAt} on ${model.dataset.rows} patients `
    + `(${model.dataset.source}); artifact SHA-256 ${model.contentSha256.slice(0, 12)}\u2026`;
}

function fillExample() {
  for (const [name, value] of Object.entries(EXAMPLE)) {
    $(`f-${name}`).value = String(value);
  }
}

function payload() {
  const body = {};
  for (const field of model.fields) {
    const value = $(`f-${field.name}`).value.trim();
    if (value !== '') {
      body[field.name] = Number(value);
    }
  }
  return body;
}

function clearErrors() {
  $('form-error').textContent = '';
  for (const field of model.fields) {
    $(`error-${field.name}`).textContent = '';
    $(`f-${field.name}`).removeAttribute('aria-invalid');
  }
}

function showProblem(problem) {
  $('result').hidden = true;
  $('form-error').textContent = problem.detail ?? 'The request was refused.';
  let first;
  for (const error of problem.errors ?? []) {
    const message = $(`error-${error.field}`);
    if (message) {
      message.textContent = `${error.field} ${error.message}`;
      $(`f-${error.field}`).setAttribute('aria-invalid', 'true');
      first ??= $(`f-${error.field}`);
    }
  }
  (first ?? $('predict')).focus();
}

function contribution(item, scale) {
  // CSSOM, not a style attribute: the Content-Security-Policy allows the first and forbids the second.
  const bar = element('div', { className: `bar ${item.contribution < 0 ? 'lower' : 'raise'}` });
  bar.style.width = `${(50 * Math.abs(item.contribution)) / scale}%`;
  const track = element('div', { className: 'track' }, bar);
  track.setAttribute('aria-hidden', 'true');
  const effect = item.contribution < 0 ? 'lowers the risk' : 'raises the risk';
  return element('li', {},
    element('span', { className: 'label', textContent: item.label + (item.imputed ? ' (imputed)' : '') }),
    track,
    element('span', { className: 'value', textContent: signed(item.contribution) },
      element('span', { className: 'visually-hidden', textContent: `, ${effect}` })));
}

function showDiagnosis(answer) {
  const positive = answer.diagnosis === model.labels.positive;
  const diagnosis = $('diagnosis');
  diagnosis.textContent = `Diagnosis: ${answer.diagnosis}`;
  diagnosis.className = `diagnosis ${positive ? 'positive' : 'negative'}`;
  $('probability').textContent = `Probability of ${model.labels.positive}: ${percent(answer.probability)}, `
    + `${positive ? 'at or above' : 'below'} the threshold of ${percent(model.threshold)}.`;
  $('probability-bar').style.width = `${100 * answer.probability}%`;
  $('threshold-mark').style.left = `${100 * model.threshold}%`;
  $('imputed').textContent = answer.imputed.length === 0 ? 'No field was imputed.'
    : `Imputed (left empty, filled in with the training data's value): ${answer.imputed.join(', ')}.`;
  const { intercept, contributions } = answer.explanation;
  $('intercept').textContent = signed(intercept);
  // The server sorts the contributions largest first; the bars keep its order.
  const scale = Math.max(...contributions.map((item) => Math.abs(item.contribution)), 1e-9);
  $('contributions').replaceChildren(...contributions.map((item) => contribution(item, scale)));
  $('result').hidden = false;
  $('result-heading').focus();
}

async function predict(event) {
  event.preventDefault();
  clearErrors();
  let response;
  try {
    response = await fetch('predict', { method: 'POST', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(payload()) });
  }
  catch {
    $('form-error').textContent = 'The server could not be reached.';
    return;
  }
  const answer = await response.json().catch(() => ({ detail: `The server answered ${response.status}.` }));
  if (response.ok) {
    showDiagnosis(answer);
  }
  else {
    showProblem(answer);
  }
}

async function start() {
  try {
    const response = await fetch('model', { headers: { Accept: 'application/json' } });
    if (!response.ok) {
      throw new Error(`GET /model answered ${response.status}`);
    }
    model = await response.json();
  }
  catch (error) {
    $('model-status').textContent = `The model's description could not be read: ${error.message}.`;
    return;
  }
  buildForm();
  showCard();
  $('model-status').textContent = `${model.fields.length} fields; the example patient fills them in.`;
  $('example').addEventListener('click', fillExample);
  $('patient').addEventListener('submit', predict);
  document.body.dataset.ready = 'true';
}

start();
