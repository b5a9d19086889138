// Keeps a rate's value in step with its numerator and denominator while the reporter types,
// so a corrected denominator does not leave a stale rate behind. The server checks the same rule.
document.querySelectorAll('[data-ratio]').forEach(pair => {
  const [numerator, denominator] = pair.querySelectorAll('input');
  const value = pair.parentElement.querySelector('input[name$=".value"]');
  const scale = Number(pair.dataset.scale);
  const recompute = () => {
    const n = Number(numerator.value);
    const d = Number(denominator.value);
    if (numerator.value.trim() !== '' && denominator.value.trim() !== '' && d > 0 && n >= 0 && n <= d) {
      value.value = (Math.round(n * scale / d * 10000) / 10000).toString();
      value.dispatchEvent(new Event('input'));
    }
  };
  numerator.addEventListener('input', recompute);
  denominator.addEventListener('input', recompute);
});

// Warns while the reporter types when a figure moves against last year's by more than the share
// that needs an explanatory note on submission (the server checks the same rule when submitting,
// and shows the same warning on the saved grid). The sentence comes from the page (data-message).
const outlierPercent = Number(document.querySelector('[data-outlier-percent]')?.dataset.outlierPercent);
document.querySelectorAll('input[data-previous]').forEach(input => {
  const previous = Number(input.dataset.previous);
  const warning = document.getElementById(input.dataset.warning);
  if (!warning || !Number.isFinite(previous) || previous === 0 || !Number.isFinite(outlierPercent)) {
    return;
  }
  const check = () => {
    // The forms the server's number reader accepts: full-width digits, thousands separators, a % sign.
    const text = input.value.trim()
      .replace(/[\uFF10-\uFF19\uFF0E]/g, c => String.fromCharCode(c.charCodeAt(0) - 0xFEE0))
      .replace(/[,%‰\s]/g, '');
    const typed = Number(text);
    if (text === '' || !Number.isFinite(typed)) {
      warning.textContent = '';
      return;
    }
    const change = (typed - previous) / Math.abs(previous) * 100;
    warning.textContent = Math.abs(change) > outlierPercent
      ? warning.dataset.message.replace('{change}', (change > 0 ? '+' : '') + change.toFixed(1) + '%')
      : '';
  };
  input.addEventListener('input', check);
});

// A save or submit the server refused comes back with the grid and its problems: the reporter is
// taken to the first field to correct (on a phone the row may be thousands of pixels below the
// message), which is also read out with its error.
const firstProblem = document.getElementById('row-problems')
  && document.querySelector('.entry-grid .is-invalid');
if (firstProblem) {
  firstProblem.scrollIntoView({ block: 'center' });
  firstProblem.focus({ preventScroll: true });
}
