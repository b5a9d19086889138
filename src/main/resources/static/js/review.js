// "Select all" of the review queue: ticks or clears every row's checkbox of the bulk form. A real
// checkbox with a label, so it works by keyboard (Tab, Space) like the rows' own; the server checks
// every selected figure again.
document.querySelectorAll('[data-select-all]').forEach(all => {
  const boxes = () => document.querySelectorAll('input[type=checkbox][name=ids][form="' + all.dataset.selectAll + '"]');
  all.addEventListener('change', () => boxes().forEach(box => { box.checked = all.checked; }));
});
