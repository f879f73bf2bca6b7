/*
 * The RSVP part of the admin form: the event's RSVP settings (sent with the event by admin.js, which asks for them
 * through the 'handbill:read-draft' event), live counts, the attendee list with search, CSV export and a check-in
 * button for the door. It talks to the API through the function admin.js hands over with 'handbill:event-loaded'.
 * No inline handlers or styles: the admin page runs under a strict Content-Security-Policy.
 */
(function () {
  'use strict';
  const $ = (selector) => document.querySelector(selector);
  const localInput = (value) => (value ? String(value).slice(0, 16) : '');
  const STATES = {going: 'Going', waitlisted: 'Waitlist', pending: 'Not confirmed', cancelled: 'Cancelled'};
  let api = null;
  let eventId = null;
  let attendees = [];

  document.addEventListener('handbill:event-loaded', (e) => {
    api = e.detail.api;
    const event = e.detail.event || {};
    const rsvp = event.rsvp || {};
    eventId = event.id || null;
    $('#rsvp-enabled').checked = !!rsvp.enabled;
    $('#rsvp-capacity').value = rsvp.capacity == null ? '' : rsvp.capacity;
    $('#rsvp-opens').value = localInput(rsvp.opensAt);
    $('#rsvp-closes').value = localInput(rsvp.closesAt);
    $('#rsvp-question').value = rsvp.question || '';
    attendees = [];
    $('#rsvp-attendees').hidden = !eventId;
    if (eventId) {
      load();
    }
  });

  document.addEventListener('handbill:read-draft', (e) => {
    const enabled = $('#rsvp-enabled').checked;
    const capacity = $('#rsvp-capacity').value.trim();
    const question = $('#rsvp-question').value.trim();
    const opens = $('#rsvp-opens').value;
    const closes = $('#rsvp-closes').value;
    if (!enabled && !capacity && !question && !opens && !closes) {
      return;
    }
    e.detail.draft.rsvp = {
      enabled: enabled,
      // a number when it reads as one; otherwise the text, so that the API names the field
      capacity: capacity === '' ? null : (/^\d+$/.test(capacity) ? Number(capacity) : capacity),
      opensAt: opens ? opens + ':00' : null,
      closesAt: closes ? closes + ':00' : null,
      question: question || null
    };
  });

  async function load() {
    const id = eventId;
    const all = [];
    let counts = null;
    let cursor = null;
    do {
      const query = cursor ? '?cursor=' + encodeURIComponent(cursor) : '';
      const result = await api('GET', '/api/events/' + encodeURIComponent(id) + '/attendees' + query);
      if (result.status !== 200 || id !== eventId) {
        $('#rsvp-counts').textContent = id === eventId ? 'Could not load the attendees.' : '';
        return;
      }
      all.push(...result.body.items);
      counts = result.body.counts;
      cursor = result.body.nextCursor;
    } while (cursor);
    attendees = all;
    showCounts(counts);
    render();
  }

  function showCounts(c) {
    const places = c.capacity == null ? '' : ' of ' + c.capacity + ' places';
    $('#rsvp-counts').textContent = c.going + ' going' + places + ', ' + c.waitlisted + ' on the waitlist, '
      + c.pending + ' not confirmed, ' + c.cancelled + ' cancelled; ' + c.checkedIn + ' checked in.';
  }

  function render() {
    const query = $('#rsvp-search').value.trim().toLowerCase();
    const list = $('#rsvp-list');
    list.textContent = '';
    const shown = attendees.filter((a) => !query || a.name.toLowerCase().includes(query)
      || a.email.toLowerCase().includes(query));
    for (const a of shown) {
      const li = document.createElement('li');
      const who = document.createElement('span');
      who.className = 'who';
      const name = document.createElement('strong');
      name.textContent = a.name;
      who.append(name, document.createElement('br'), document.createTextNode(a.email));
      if (a.answer) {
        who.append(document.createElement('br'), document.createTextNode(a.answer));
      }
      const state = document.createElement('span');
      state.className = 'state';
      state.textContent = STATES[a.state] || a.state;
      li.append(who, state);
      if (a.checkedInAt) {
        const arrived = document.createElement('span');
        arrived.className = 'arrived';
        arrived.textContent = 'Checked in';
        li.append(arrived);
      } else if (a.state === 'going') {
        const button = document.createElement('button');
        button.type = 'button';
        button.textContent = 'Check in';
        button.setAttribute('aria-label', 'Check in ' + a.name);
        button.addEventListener('click', () => checkIn(a, button));
        li.append(button);
      }
      list.append(li);
    }
    $('#rsvp-empty').hidden = attendees.length > 0;
  }

  async function checkIn(attendee, button) {
    button.disabled = true;
    const result = await api('POST', '/api/events/' + encodeURIComponent(eventId) + '/attendees/'
      + encodeURIComponent(attendee.id) + '/check-in');
    if (result.status === 200) {
      attendee.checkedInAt = result.body.checkedInAt;
      await load();
      $('#rsvp-counts').textContent += ' ' + attendee.name + ' checked in.';
    } else {
      button.disabled = false;
      $('#rsvp-counts').textContent = 'Could not check in ' + attendee.name + '.';
    }
  }

  async function downloadCsv() {
    // a plain link would not carry the Authorization header, so fetch it and hand the browser a file
    const result = await api('GET', '/api/events/' + encodeURIComponent(eventId) + '/attendees?format=csv');
    if (result.status !== 200) {
      $('#rsvp-counts').textContent = 'Could not download the CSV.';
      return;
    }
    const link = document.createElement('a');
    link.href = URL.createObjectURL(new Blob([result.text], {type: 'text/csv'}));
    link.download = 'attendees.csv';
    document.body.append(link);
    link.click();
    link.remove();
  }

  document.addEventListener('DOMContentLoaded', () => {
    $('#rsvp-search').addEventListener('input', render);
    $('#rsvp-search').addEventListener('keydown', (e) => {
      if (e.key === 'Enter') {
        e.preventDefault();  // searching must not submit (save) the event form
      }
    });
    $('#rsvp-refresh').addEventListener('click', load);
    $('#rsvp-csv').addEventListener('click', downloadCsv);
  });
})();
