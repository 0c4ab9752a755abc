// CourseBot's dashboard page: sorting any table by a column, and the cohort filter. The page's figures are written by the
// bot; this only reorders and hides rows. A cell's data-sort attribute, when present, is its sort key.
'use strict';

function sortKey(row, column, numeric) {
  const cell = row.cells[column];
  const key = cell.dataset.sort !== undefined ? cell.dataset.sort : cell.textContent.trim();
  if (!numeric) return key;
  const n = parseFloat(key);
  return Number.isNaN(n) ? -Infinity : n;
}

function sortBy(table, column, header) {
  const numeric = header.dataset.type === 'number';
  const ascending = header.getAttribute('aria-sort') !== 'ascending';
  for (const th of table.tHead.rows[0].cells) th.removeAttribute('aria-sort');
  header.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
  const body = table.tBodies[0];
  const rows = Array.from(body.rows);
  rows.sort((a, b) => {
    const x = sortKey(a, column, numeric);
    const y = sortKey(b, column, numeric);
    const order = numeric ? x - y : String(x).localeCompare(String(y));
    return ascending ? order : -order;
  });
  for (const row of rows) body.appendChild(row);
}

function filterCohorts(name) {
  for (const section of document.querySelectorAll('section.cohort')) {
    section.hidden = name !== '' && section.dataset.cohort !== name;
  }
}

document.addEventListener('DOMContentLoaded', () => {
  for (const table of document.querySelectorAll('table.sortable')) {
    Array.from(table.tHead.rows[0].cells).forEach((header, column) => {
      header.querySelector('button').addEventListener('click', () => sortBy(table, column, header));
    });
  }

  const filter = document.getElementById('cohort-filter');
  if (filter) {
    filter.addEventListener('change', () => filterCohorts(filter.value));
    filterCohorts(filter.value);
  }
});
