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
    }
  };
  numerator.addEventListener('input', recompute);
  denominator.addEventListener('input', recompute);
});
