/*
 * Handbill admin form: plain JavaScript, no build step.
 *
 * config.json (next to this file) says how to sign in:
 *   local stack: {"auth": "local", "token": "<admin token>", "apiBase": "", "siteUrl": "http://localhost:8080"}
 *   AWS:         {"auth": "cognito", "apiBase": "", "siteUrl": "",
 *                 "cognito": {"domain": "https://<prefix>.auth.<region>.amazoncognito.com",
 *                             "clientId": "<app client id>", "redirectUri": "https://<site>/admin/",
 *                             "scopes": "openid email"}}
 * With Cognito the form signs in through the hosted UI (authorization code + PKCE) and sends the ID token as
 * "Authorization: Bearer"; API Gateway's JWT authorizer checks it.
 */
'use strict';

(function () {
  const $ = (selector, root) => (root || document).querySelector(selector);
  const $$ = (selector, root) => Array.from((root || document).querySelectorAll(selector));
  const LISTS = ['agenda', 'talks', 'speakers', 'sponsors', 'tickets', 'aliases'];
  const ROW_NAMES = {
    agenda: 'agenda item', talks: 'talk', speakers: 'speaker', sponsors: 'sponsor', tickets: 'ticket link',
    aliases: 'old address'
  };

  let config = null;
  let auth = null;
  /** The event being edited as last loaded or saved: {id, etag, status, slug, version}; null for a new one. */
  let current = null;
  let idempotencyKey = null;
  let nextCursor = null;
  /** The form as last loaded, saved or restored, to tell whether anything typed since would be lost. */
  let baseline = null;
  let draftTimer = null;

  // ---------------------------------------------------------------- sign-in

  const localAuth = (cfg) => ({
    token: async () => cfg.token,
    describe: () => 'Signed in with the local admin token',
    signedOutHint: 'The local stack no longer accepts this page\'s admin token (it was restarted with another '
      + 'one). Signing in again fetches the new token and keeps what you typed.',
    signIn: async function () {
      const response = await fetch('config.json', {cache: 'no-store'});
      cfg.token = (await response.json()).token;
      signedIn();
    },
    signOut: null
  });

  /** A 401: say so and offer to sign in again, instead of a page that still claims to be signed in. */
  function signedOut() {
    if (auth.expired) {
      auth.expired();
    }
    $('#who').textContent = 'Not signed in';
    $('#signed-out-hint').textContent = auth.signedOutHint || 'Your sign-in has ended.';
    $('#signed-out').hidden = false;
    $('#sign-in').focus();
  }

  function signedIn() {
    $('#who').textContent = auth.describe();
    $('#signed-out').hidden = true;
  }

  function cognitoAuth(cfg) {
    const store = window.sessionStorage;
    const base64url = (bytes) => btoa(String.fromCharCode.apply(null, new Uint8Array(bytes)))
      .replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
    const random = (n) => base64url(crypto.getRandomValues(new Uint8Array(n)));

    async function signIn() {
      const verifier = random(48);
      const state = random(16);
      store.setItem('pkce.verifier', verifier);
      store.setItem('pkce.state', state);
      store.setItem('pkce.return', location.hash || '#/');
      const challenge = base64url(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)));
      const params = new URLSearchParams({
        response_type: 'code', client_id: cfg.clientId, redirect_uri: cfg.redirectUri,
        scope: cfg.scopes || 'openid email', state: state, code_challenge: challenge, code_challenge_method: 'S256'
      });
      location.assign(cfg.domain + '/oauth2/authorize?' + params);
      return new Promise(() => {});
    }

    async function exchange(body) {
      const response = await fetch(cfg.domain + '/oauth2/token', {
        method: 'POST', headers: {'Content-Type': 'application/x-www-form-urlencoded'},
        body: new URLSearchParams(body)
      });
      if (!response.ok) {
        throw new Error('Sign-in failed (' + response.status + ')');
      }
      const tokens = await response.json();
      store.setItem('tokens', JSON.stringify({
        id: tokens.id_token, refresh: tokens.refresh_token || JSON.parse(store.getItem('tokens') || '{}').refresh,
        expires: Date.now() + (tokens.expires_in - 60) * 1000
      }));
    }

    async function completeSignIn() {
      const query = new URLSearchParams(location.search);
      if (!query.has('code')) {
        return;
      }
      const state = store.getItem('pkce.state');
      const verifier = store.getItem('pkce.verifier');
      store.removeItem('pkce.state');
      store.removeItem('pkce.verifier');
      if (!state || query.get('state') !== state) {
        throw new Error('Sign-in answer did not match the request; try again.');
      }
      await exchange({
        grant_type: 'authorization_code', client_id: cfg.clientId, code: query.get('code'),
        redirect_uri: cfg.redirectUri, code_verifier: verifier
      });
      history.replaceState(null, '', location.pathname + (store.getItem('pkce.return') || '#/'));
    }

    return {
      token: async function () {
        await completeSignIn();
        const tokens = JSON.parse(store.getItem('tokens') || 'null');
        if (tokens && tokens.expires > Date.now()) {
          return tokens.id;
        }
        if (tokens && tokens.refresh) {
          try {
            await exchange({grant_type: 'refresh_token', client_id: cfg.clientId, refresh_token: tokens.refresh});
            return JSON.parse(store.getItem('tokens')).id;
          } catch (e) {
            store.removeItem('tokens');
          }
        }
        return signIn();
      },
      describe: () => 'Signed in',
      signedOutHint: 'Your sign-in has ended: signing in again leaves this page.',
      signIn: function () {
        store.removeItem('tokens');
        return signIn();
      },
      signOut: function () {
        store.removeItem('tokens');
        location.assign(cfg.domain + '/logout?' + new URLSearchParams({
          client_id: cfg.clientId, logout_uri: cfg.redirectUri
        }));
      },
      expired: () => store.removeItem('tokens')
    };
  }

  // ---------------------------------------------------------------- API

  /** Calls the event API; resolves to {status, etag, body, text} for any HTTP status. */
  async function api(method, path, options) {
    const opts = options || {};
    const headers = {'Authorization': 'Bearer ' + await auth.token(), 'Accept': 'application/json'};
    if (opts.body !== undefined) {
      headers['Content-Type'] = 'application/json';
    }
    if (opts.etag) {
      headers['If-Match'] = opts.etag;
    }
    if (opts.idempotencyKey) {
      headers['Idempotency-Key'] = opts.idempotencyKey;
    }
    const response = await fetch(config.apiBase + path, {
      method: method, headers: headers, body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
      cache: 'no-store'
    });
    if (response.status === 401) {
      signedOut();
    }
    const text = await response.text();
    let body = null;
    try {
      body = text ? JSON.parse(text) : null;
    } catch (e) {
      body = null;
    }
    return {status: response.status, etag: response.headers.get('ETag'), body: body, text: text};
  }

  const sitePath = (path) => (config.siteUrl || '') + path;

  function flash(message) {
    const box = $('#flash');
    box.textContent = '';
    window.setTimeout(() => { box.textContent = message; }, 50);
  }

  function problemText(result) {
    if (result.body && (result.body.detail || result.body.title)) {
      return result.body.detail || result.body.title;
    }
    return 'The server answered ' + result.status + '.';
  }

  // ---------------------------------------------------------------- list view

  async function showList(append) {
    $('#edit-view').hidden = true;
    $('#series-view').hidden = true;
    $('#list-view').hidden = false;
    document.title = 'Events · Handbill admin';
    const params = new URLSearchParams();
    const status = $('#filter-status').value;
    if (status) {
      params.set('status', status);
    }
    params.set('when', $('#filter-when').value);
    if (append && nextCursor) {
      params.set('cursor', nextCursor);
    }
    const result = await api('GET', '/api/events?' + params);
    if (result.status !== 200) {
      flash('Could not list events: ' + problemText(result));
      return;
    }
    const tbody = $('#events');
    if (!append) {
      tbody.textContent = '';
    }
    for (const event of result.body.items) {
      tbody.appendChild(eventRow(event));
    }
    nextCursor = result.body.nextCursor || null;
    $('#more').hidden = !nextCursor;
    $('#no-events').hidden = tbody.children.length > 0;
  }

  function eventRow(event) {
    const tr = document.createElement('tr');
    const title = document.createElement('td');
    const link = document.createElement('a');
    link.href = '#/events/' + encodeURIComponent(event.id);
    link.textContent = event.title || '(untitled)';
    title.appendChild(link);
    const starts = document.createElement('td');
    starts.textContent = (event.start || '').replace('T', ' ').slice(0, 16) + ' (' + event.timeZone + ')';
    const status = document.createElement('td');
    const badge = document.createElement('span');
    badge.className = 'status status-' + event.status.toLowerCase();
    badge.textContent = event.status.charAt(0) + event.status.slice(1).toLowerCase();
    status.appendChild(badge);
    const links = document.createElement('td');
    links.className = 'links';
    if (event.status !== 'DRAFT') {
      links.appendChild(anchor(sitePath('/events/' + event.slug + '/'), 'Page',
        'Page of ' + event.title));
      links.appendChild(anchor(sitePath('/events/' + event.slug + '.ics'), '.ics',
        '.ics of ' + event.title));
    }
    tr.append(title, starts, status, links);
    return tr;
  }

  function anchor(href, text, label) {
    const a = document.createElement('a');
    a.href = href;
    a.textContent = text;
    if (label) {
      a.setAttribute('aria-label', label);
    }
    return a;
  }

  // ---------------------------------------------------------------- edit view

  async function showEditor(id) {
    $('#list-view').hidden = true;
    $('#series-view').hidden = true;
    $('#edit-view').hidden = false;
    selectTab($('#tab-about'), false);
    clearErrors();
    loadKnownSpeakers();
    $('#conflict').hidden = true;
    if (!id) {
      current = null;
      idempotencyKey = crypto.randomUUID ? crypto.randomUUID() : String(Date.now()) + Math.random();
      fillForm({timeZone: browserZone()});
      showState();
      markClean();
      offerLocalDraft();
      $('#title').focus();
      return;
    }
    const result = await api('GET', '/api/events/' + encodeURIComponent(id));
    if (result.status !== 200) {
      flash('Could not open the event: ' + problemText(result));
      return;
    }
    loaded(result);
    fillForm(result.body);
    markClean();
    offerLocalDraft();
    $('#edit-heading').focus();
  }

  function loaded(result) {
    const event = result.body;
    current = {id: event.id, etag: result.etag || '"' + event.version + '"', status: event.status,
      slug: event.slug, version: event.version, title: event.title, seriesId: event.seriesId || null,
      upcoming: Boolean(event.startsAt) && Date.parse(event.startsAt) > Date.now()};
    showState();
  }

  function showState() {
    const heading = $('#edit-heading');
    heading.setAttribute('tabindex', '-1');
    if (!current) {
      heading.textContent = 'New event';
      document.title = 'New event · Handbill admin';
      $('#event-state').textContent = 'Not saved yet.';
      $('#public-links').hidden = true;
      $('#delete').hidden = true;
      $('#cancel-section').hidden = true;
      $('#reinstate-section').hidden = true;
      $('#publish').hidden = false;
      $('#slug').readOnly = false;
      $('#series-link').hidden = true;
      return;
    }
    $('#series-link').hidden = current.status === 'CANCELLED' && !current.seriesId;
    $('#make-series').hidden = Boolean(current.seriesId);
    $('#open-series').hidden = !current.seriesId;
    if (current.seriesId) {
      $('#open-series').href = '#/series/' + encodeURIComponent(current.seriesId);
    }
    heading.textContent = 'Edit: ' + current.title;
    document.title = current.title + ' · Handbill admin';
    const status = current.status.charAt(0) + current.status.slice(1).toLowerCase();
    $('#event-state').textContent = 'Status: ' + status + ' · version ' + current.version;
    const isPublic = current.status !== 'DRAFT';
    $('#public-links').hidden = !isPublic;
    if (isPublic) {
      $('#public-page').href = sitePath('/events/' + current.slug + '/');
      $('#public-ics').href = sitePath('/events/' + current.slug + '.ics');
    }
    $('#delete').hidden = current.status !== 'DRAFT';
    $('#cancel-section').hidden = current.status !== 'PUBLISHED';
    $('#reinstate-section').hidden = !(current.status === 'CANCELLED' && current.upcoming);
    $('#publish').hidden = current.status !== 'DRAFT';
    $('#slug').readOnly = isPublic;
  }

  function browserZone() {
    try {
      return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
    } catch (e) {
      return 'UTC';
    }
  }

  function fillZones(selected, into) {
    const select = into || $('#timeZone');
    if (!select.options.length) {
      let zones = [];
      try {
        zones = Intl.supportedValuesOf('timeZone');
      } catch (e) {
        zones = ['UTC', 'Europe/London'];
      }
      for (const zone of zones) {
        select.appendChild(new Option(zone.replace(/_/g, ' '), zone));
      }
    }
    if (selected && !$$('option', select).some((o) => o.value === selected)) {
      select.appendChild(new Option(selected, selected));
    }
    select.value = selected;
  }

  const localInput = (value) => (value ? String(value).slice(0, 16) : '');

  function fillForm(event) {
    const venue = event.venue || {};
    $('#title').value = event.title || '';
    $('#summary').value = event.summary || '';
    $('#description').value = event.description || '';
    $('#slug').value = event.slug || '';
    $('#start').value = localInput(event.start);
    // an open-ended event's stored end is only the API's estimate: the organiser left it empty
    $('#end').value = event.openEnded ? '' : localInput(event.end);
    fillZones(event.timeZone || browserZone());
    $('#venue-name').value = venue.name || '';
    $('#venue-address').value = (venue.addressLines || []).join('\n');
    $('#venue-city').value = venue.city || '';
    $('#venue-postcode').value = venue.postcode || '';
    $('#venue-country').value = venue.country || '';
    $('#venue-url').value = venue.url || '';
    $('#venue-latitude').value = venue.latitude == null ? '' : venue.latitude;
    $('#venue-longitude').value = venue.longitude == null ? '' : venue.longitude;
    $('#venue-access').value = venue.accessNotes || '';
    $('#codeOfConductUrl').value = event.codeOfConductUrl || '';
    $('#cover-url').value = (event.cover && event.cover.url) || '';
    $('#cover-alt').value = (event.cover && event.cover.alt) || '';
    $('#tags').value = (event.tags || []).join(', ');
    $('#cancel-reason').value = '';
    for (const list of LISTS) {
      const rows = $('fieldset[data-list="' + list + '"] > ol.rows');
      rows.textContent = '';
      for (const item of event[list] || []) {
        addRow(list, item);
      }
    }
    $('#preview').hidden = true;
    $('#preview-status').hidden = true;
    $('#preview-button').setAttribute('aria-expanded', 'false');
    $('#preview-button').textContent = 'Preview description';
    $('#page-preview').hidden = true;
    refreshTalkIds();
    // self-contained parts of the form (rsvp.js) fill themselves from the event and call the API with our token
    document.dispatchEvent(new CustomEvent('handbill:event-loaded', {detail: {event: event, api: api}}));
  }

  // ---------------------------------------------------------------- tabs (WAI-ARIA tabs pattern)

  function selectTab(tab, focus) {
    for (const other of $$('[role=tab]')) {
      const selected = other === tab;
      other.setAttribute('aria-selected', String(selected));
      other.tabIndex = selected ? 0 : -1;
      document.getElementById(other.getAttribute('aria-controls')).hidden = !selected;
    }
    if (focus) {
      tab.focus();
    }
  }

  /** Shows the tab panel that holds an element (an error link, a restored field) before it is focused. */
  function showPanelOf(element) {
    const panel = element.closest('[role=tabpanel]');
    if (panel && panel.hidden) {
      selectTab($('[role=tab][aria-controls="' + panel.id + '"]'), false);
    }
  }

  function onTabKey(event) {
    const tabs = $$('[role=tab]');
    const index = tabs.indexOf(event.target);
    const moves = {ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: tabs.length - 1};
    if (index < 0 || !(event.key in moves)) {
      return;
    }
    event.preventDefault();
    selectTab(tabs[(moves[event.key] + tabs.length) % tabs.length], true);
  }

  // ---------------------------------------------------------------- unsaved changes and the local draft

  const draftKey = () => 'handbill.draft.' + (current ? current.id : 'new');
  const formState = () => JSON.stringify(readForm());
  const isDirty = () => baseline !== null && !$('#edit-view').hidden && formState() !== baseline;

  function markClean() {
    baseline = formState();
  }

  function forgetLocalDraft() {
    window.localStorage.removeItem(draftKey());
    $('#draft-restore').hidden = true;
  }

  /** Keeps what was typed in this browser, so a reload, a crash or a closed tab does not lose it. */
  function keepLocalDraft() {
    window.clearTimeout(draftTimer);
    draftTimer = window.setTimeout(storeLocalDraft, 400);
  }

  /** Writes the local draft now: also called on leaving, so the last keystrokes before it are not lost. */
  function storeLocalDraft() {
    window.clearTimeout(draftTimer);
    if (isDirty()) {
      window.localStorage.setItem(draftKey(), JSON.stringify({savedAt: new Date().toISOString(),
        version: current ? current.version : null, form: readForm()}));
    }
  }

  function offerLocalDraft() {
    const kept = JSON.parse(window.localStorage.getItem(draftKey()) || 'null');
    const box = $('#draft-restore');
    if (!kept || JSON.stringify(kept.form) === baseline) {
      box.hidden = true;
      return;
    }
    const when = new Date(kept.savedAt).toLocaleString();
    const stale = current && kept.version !== current.version
      ? ' The event has been saved since (now version ' + current.version + '); restoring replaces that.' : '';
    $('#draft-restore-text').textContent = 'This browser kept changes you had not saved (' + when + ').' + stale;
    box.hidden = false;
  }

  function restoreLocalDraft() {
    const kept = JSON.parse(window.localStorage.getItem(draftKey()) || 'null');
    $('#draft-restore').hidden = true;
    if (!kept) {
      return;
    }
    const slug = $('#slug').value;
    fillForm(Object.assign({}, kept.form, {slug: current ? slug : kept.form.slug}));
    flash('Restored your unsaved changes; save to keep them.');
    $('#title').focus();
  }

  /** The hash put back after a refused in-app navigation; its own hashchange must not reload the form. */
  let restoredHash = null;

  /** Leaving the form inside the app (a nav link, Back) asks first when something typed is unsaved. */
  function mayLeave(event) {
    if (restoredHash !== null && location.hash === restoredHash) {
      restoredHash = null;
      return false;
    }
    storeLocalDraft();
    if (isDirty() && !window.confirm('You have unsaved changes. Leave this event without saving them?'
      + ' (This browser keeps them, so you can restore them when you come back.)')) {
      restoredHash = event.oldURL.slice(event.oldURL.indexOf('#'));
      location.hash = restoredHash;
      return false;
    }
    return true;
  }

  // ---------------------------------------------------------------- repeatable rows

  function addRow(list, item) {
    const li = $('#row-' + list).content.firstElementChild.cloneNode(true);
    const fieldset = $('fieldset', li);
    const controls = document.createElement('div');
    controls.className = 'row-controls';
    for (const [action, text] of [['up', 'Move up'], ['down', 'Move down'], ['remove', 'Remove']]) {
      const button = document.createElement('button');
      button.type = 'button';
      button.dataset.action = action;
      button.textContent = text;
      controls.appendChild(button);
    }
    fieldset.appendChild(controls);
    for (const input of $$('[data-field]', li)) {
      const value = item ? valueOf(item, input.dataset.field) : undefined;
      if (input.type === 'checkbox') {
        input.checked = Boolean(value);
      } else if (input.type === 'datetime-local') {
        input.value = localInput(value);
      } else if (input.dataset.kind === 'csv') {
        input.value = (value || []).join(', ');
      } else if (value !== undefined && value !== null) {
        input.value = value;
      }
    }
    $('fieldset[data-list="' + list + '"] > ol.rows').appendChild(li);
    renumber(list);
    return li;
  }

  const valueOf = (item, field) => (field === '' ? item : item[field]);

  /** Gives every row's inputs ids, labels and data-path values that match their position (agenda[2].start). */
  function renumber(list) {
    const rows = $$('fieldset[data-list="' + list + '"] > ol.rows > li');
    rows.forEach((li, index) => {
      const name = ROW_NAMES[list];
      const label = name.charAt(0).toUpperCase() + name.slice(1) + ' ' + (index + 1);
      $('.row-title', li).textContent = label;
      for (const field of $$('.field', li)) {
        const input = $('[data-field]', field);
        const path = list + '[' + index + ']' + (input.dataset.field ? '.' + input.dataset.field : '');
        input.dataset.path = path;
        input.id = 'f-' + path.replace(/[^A-Za-z0-9]+/g, '-');
        $('label', field).htmlFor = input.id;
      }
      $('[data-action="up"]', li).setAttribute('aria-label', 'Move up ' + name + ' ' + (index + 1));
      $('[data-action="down"]', li).setAttribute('aria-label', 'Move down ' + name + ' ' + (index + 1));
      $('[data-action="remove"]', li).setAttribute('aria-label', 'Remove ' + name + ' ' + (index + 1));
      $('[data-action="up"]', li).disabled = index === 0;
      $('[data-action="down"]', li).disabled = index === rows.length - 1;
    });
  }

  function onListClick(event) {
    const fieldset = event.target.closest('fieldset[data-list]');
    if (!fieldset || event.target.tagName !== 'BUTTON') {
      return;
    }
    const list = fieldset.dataset.list;
    if (event.target.classList.contains('add')) {
      const li = addRow(list, defaultsFor(list));
      $('[data-field]', li).focus();
      return;
    }
    const li = event.target.closest('li');
    const action = event.target.dataset.action;
    if (action === 'remove') {
      const next = li.nextElementSibling || li.previousElementSibling;
      li.remove();
      renumber(list);
      (next ? $('[data-field]', next) : $('button.add', fieldset)).focus();
    } else if (action === 'up' && li.previousElementSibling) {
      li.parentNode.insertBefore(li, li.previousElementSibling);
      renumber(list);
      focusControl(li, 'up');
    } else if (action === 'down' && li.nextElementSibling) {
      li.parentNode.insertBefore(li.nextElementSibling, li);
      renumber(list);
      focusControl(li, 'down');
    }
    if (list === 'talks') {
      refreshTalkIds();
    }
  }

  function focusControl(li, action) {
    const button = $('[data-action="' + action + '"]', li);
    (button.disabled ? $('[data-action="' + (action === 'up' ? 'down' : 'up') + '"]', li) : button).focus();
  }

  /** A new agenda slot starts where the previous one ended (or at the event's start). */
  function defaultsFor(list) {
    if (list !== 'agenda') {
      return null;
    }
    const ends = $$('fieldset[data-list="agenda"] [data-field="end"]').map((i) => i.value).filter(Boolean);
    return {start: ends.length ? ends[ends.length - 1] : $('#start').value};
  }

  function refreshTalkIds() {
    const datalist = $('#talk-ids');
    datalist.textContent = '';
    for (const input of $$('fieldset[data-list="talks"] [data-field="id"]')) {
      if (input.value) {
        datalist.appendChild(new Option(input.value, input.value));
      }
    }
  }

  // ---------------------------------------------------------------- speakers reused across events

  /** Speakers of earlier events by key (the most recently updated event's details win). */
  let knownSpeakers = new Map();

  async function loadKnownSpeakers() {
    const result = await api('GET', '/api/events?limit=100');
    if (result.status !== 200) {
      return;
    }
    const events = result.body.items.slice().sort((a, b) => String(a.updatedAt).localeCompare(String(b.updatedAt)));
    knownSpeakers = new Map();
    for (const event of events) {
      for (const speaker of event.speakers || []) {
        knownSpeakers.set(speaker.id, speaker);
      }
    }
    const datalist = $('#known-speakers');
    datalist.textContent = '';
    for (const speaker of knownSpeakers.values()) {
      datalist.appendChild(new Option([speaker.name, speaker.organisation].filter(Boolean).join(', '), speaker.id));
    }
  }

  function addKnownSpeaker() {
    const input = $('#speaker-pick');
    const key = input.value.trim();
    const speaker = knownSpeakers.get(key)
      || Array.from(knownSpeakers.values()).find((s) => s.name.toLowerCase() === key.toLowerCase());
    if (!speaker) {
      flash(key ? 'No earlier speaker is called "' + key + '".' : 'Choose a speaker first.');
      input.focus();
      return;
    }
    const taken = $$('fieldset[data-list="speakers"] [data-field="id"]').some((i) => i.value === speaker.id);
    if (taken) {
      flash(speaker.name + ' is already a speaker of this event.');
      input.focus();
      return;
    }
    const li = addRow('speakers', speaker);
    input.value = '';
    flash('Added ' + speaker.name + ' from an earlier event.');
    $('[data-field="name"]', li).focus();
  }

  // ---------------------------------------------------------------- reading the form

  const text = (value) => {
    const trimmed = value.trim();
    return trimmed === '' ? undefined : trimmed;
  };
  const dateTime = (value) => (value ? (value.length === 16 ? value + ':00' : value) : undefined);
  /** A number when it reads as one; otherwise the text itself, so the API names the field in its answer. */
  const numberOrText = (value) => {
    const trimmed = value.trim();
    if (trimmed === '') {
      return undefined;
    }
    return /^-?\d+(\.\d+)?$/.test(trimmed) ? Number(trimmed) : trimmed;
  };
  const csv = (value) => value.split(',').map((s) => s.trim()).filter(Boolean);

  function readRows(list) {
    return $$('fieldset[data-list="' + list + '"] > ol.rows > li').map((li) => {
      if (list === 'aliases') {
        return $('[data-field]', li).value.trim();
      }
      const item = {};
      for (const input of $$('[data-field]', li)) {
        const field = input.dataset.field;
        let value;
        if (input.type === 'checkbox') {
          value = input.checked;
        } else if (input.type === 'datetime-local') {
          value = dateTime(input.value);
        } else if (input.dataset.kind === 'csv') {
          value = csv(input.value);
        } else if (field === 'price') {
          value = numberOrText(input.value);
        } else {
          value = text(input.value);
        }
        if (value !== undefined) {
          item[field] = value;
        }
      }
      return item;
    });
  }

  function readForm() {
    const venue = {
      name: text($('#venue-name').value),
      addressLines: $('#venue-address').value.split('\n').map((s) => s.trim()).filter(Boolean),
      city: text($('#venue-city').value),
      postcode: text($('#venue-postcode').value),
      country: text($('#venue-country').value),
      url: text($('#venue-url').value),
      latitude: numberOrText($('#venue-latitude').value),
      longitude: numberOrText($('#venue-longitude').value),
      accessNotes: text($('#venue-access').value)
    };
    const venueGiven = Object.values(venue).some((v) => v !== undefined && !(Array.isArray(v) && !v.length));
    const draft = {
      slug: text($('#slug').value),
      title: text($('#title').value),
      summary: text($('#summary').value),
      description: text($('#description').value),
      start: dateTime($('#start').value),
      end: dateTime($('#end').value),
      timeZone: $('#timeZone').value,
      venue: venueGiven ? venue : undefined,
      codeOfConductUrl: text($('#codeOfConductUrl').value),
      tags: csv($('#tags').value),
      cover: cover()
    };
    for (const list of LISTS) {
      draft[list] = readRows(list);
    }
    document.dispatchEvent(new CustomEvent('handbill:read-draft', {detail: {draft: draft}}));
    return draft;
  }

  /** The picture, when either of its fields is filled in (an alt text alone is an error the API names). */
  function cover() {
    const url = text($('#cover-url').value);
    const alt = text($('#cover-alt').value);
    return url === undefined && alt === undefined ? undefined : { url, alt };
  }

  // ---------------------------------------------------------------- field errors

  /** The view on screen: errors are shown in its own summary, next to its own fields. */
  const activeView = () => ['#edit-view', '#series-view', '#list-view'].map((id) => $(id)).find((v) => !v.hidden)
    || $('#edit-view');

  function clearErrors() {
    markTabs([]);
    for (const summary of $$('.error-summary')) {
      summary.hidden = true;
      $('ul', summary).textContent = '';
    }
    const errorIds = new Set($$('.field-error').map((error) => error.id));
    for (const error of $$('.field-error')) {
      error.remove();
    }
    for (const input of $$('[aria-describedby]')) {
      // keep a field's own hint; drop only the error messages just removed
      const kept = input.getAttribute('aria-describedby').split(' ').filter((id) => id && !errorIds.has(id));
      if (kept.length) {
        input.setAttribute('aria-describedby', kept.join(' '));
      } else {
        input.removeAttribute('aria-describedby');
      }
    }
    for (const input of $$('[aria-invalid]')) {
      input.removeAttribute('aria-invalid');
    }
  }

  /** The element an error path names, or its nearest named ancestor (agenda[2].start → agenda[2] → agenda). */
  function targetOf(path) {
    let candidate = path;
    while (candidate) {
      const element = $$('[data-path]', activeView()).find((e) => e.dataset.path === candidate);
      if (element) {
        return element;
      }
      const cut = Math.max(candidate.lastIndexOf('.'), candidate.lastIndexOf('['));
      candidate = cut > 0 ? candidate.slice(0, cut) : '';
    }
    return null;
  }

  /** What a person sees for a field: "Speaker 2 — key", "Ends", "Agenda"; never the API's path. */
  function visibleLabel(target) {
    const labelText = (element) => {
      const clone = element.cloneNode(true);
      $$('.hint', clone).forEach((hint) => hint.remove());
      return clone.textContent.replace(/\s+/g, ' ').trim();
    };
    if (target.tagName === 'FIELDSET') {
      return labelText($('legend', target));
    }
    const label = target.id ? $('label[for="' + CSS.escape(target.id) + '"]') : null;
    const own = label ? labelText(label) : '';
    const row = target.closest('ol.rows > li');
    if (!row) {
      return own;
    }
    const rowTitle = labelText($('.row-title', row));
    return own ? rowTitle + ' — ' + own.charAt(0).toLowerCase() + own.slice(1) : rowTitle;
  }

  /** Marks each tab that holds a field with a problem, so errors on other tabs are not missed. */
  function markTabs(targets) {
    for (const tab of $$('[role=tab]')) {
      const panel = document.getElementById(tab.getAttribute('aria-controls'));
      const count = targets.filter((t) => panel.contains(t)).length;
      let badge = $('.tab-errors', tab);
      if (!count) {
        if (badge) {
          badge.remove();
        }
        continue;
      }
      if (!badge) {
        badge = document.createElement('span');
        badge.className = 'tab-errors';
        tab.appendChild(badge);
      }
      badge.textContent = ' (' + count + (count === 1 ? ' problem)' : ' problems)');
    }
  }

  /** Lists the errors in the view's summary and beside each field; {focus: false} leaves the focus where it is. */
  function showErrors(errors, summaryTitle, options) {
    clearErrors();
    const summary = $('.error-summary', activeView());
    const list = $('ul', summary);
    const shown = [];
    errors.forEach((error, index) => {
      const target = targetOf(error.field || '');
      const item = document.createElement('li');
      const label = target && error.field ? visibleLabel(target) : '';
      const message = (label ? label + ': ' : '') + error.message;
      if (target) {
        const id = 'error-' + index;
        const p = document.createElement('p');
        p.className = 'field-error';
        p.id = id;
        p.textContent = error.message;
        if (target.tagName === 'FIELDSET') {
          target.insertBefore(p, target.querySelector('legend').nextSibling);
          target.setAttribute('aria-describedby', id);
        } else {
          target.closest('.field').appendChild(p);
          target.setAttribute('aria-invalid', 'true');
          // the error first, so it is what assistive technology reads before any hint
          target.setAttribute('aria-describedby', (id + ' ' + (target.getAttribute('aria-describedby') || '')).trim());
        }
        const link = document.createElement('a');
        link.href = '#' + (target.id || id);
        link.textContent = message;
        link.addEventListener('click', (e) => {
          e.preventDefault();
          focusTarget(target);
        });
        item.appendChild(link);
        shown.push(target);
      } else {
        item.textContent = message;
      }
      list.appendChild(item);
    });
    $('h2', summary).textContent = summaryTitle
      || (errors.length === 1 ? 'There is 1 problem' : 'There are ' + errors.length + ' problems');
    summary.hidden = false;
    markTabs(shown);
    shown.sort((a, b) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
    if (options && options.focus === false) {
      return;
    }
    if (shown.length) {
      focusTarget(shown[0]);
    } else {
      summary.focus();
    }
  }

  function focusTarget(target) {
    showPanelOf(target);
    const focusable = target.tagName === 'FIELDSET' ? $('input, select, textarea, button', target) : target;
    (focusable || target).focus();
    (focusable || target).scrollIntoView({block: 'center'});
  }

  /** Shows what went wrong with a write; returns false so callers can stop. */
  function handleFailure(result) {
    if (result.status === 412) {
      $('#conflict').hidden = false;
      $('#reload').focus();
      return false;
    }
    const errors = result.body && Array.isArray(result.body.errors) ? result.body.errors : [];
    if (errors.length) {
      showErrors(errors);
    } else {
      showErrors([{field: '', message: problemText(result)}], 'The event was not saved');
    }
    return false;
  }

  // ---------------------------------------------------------------- actions

  async function save() {
    clearErrors();
    const draft = readForm();
    const result = current
      ? await api('PUT', '/api/events/' + encodeURIComponent(current.id), {body: draft, etag: current.etag})
      : await api('POST', '/api/events', {body: draft, idempotencyKey: idempotencyKey});
    if (result.status !== 200 && result.status !== 201) {
      return handleFailure(result);
    }
    const wasNew = !current;
    loaded(result);
    if (wasNew) {
      history.replaceState(null, '', '#/events/' + encodeURIComponent(current.id));
    }
    $('#slug').value = current.slug;
    window.localStorage.removeItem('handbill.draft.new');
    forgetLocalDraft();
    markClean();
    return true;
  }

  async function onSave(event) {
    event.preventDefault();
    if (await save()) {
      flash('Saved.');
    }
  }

  async function onPublish() {
    if (!(await save())) {
      return;
    }
    const result = await api('POST', '/api/events/' + encodeURIComponent(current.id) + '/publish',
      {etag: current.etag});
    if (result.status !== 200) {
      handleFailure(result);
      return;
    }
    loaded(result);
    flash('Published. The public page will be ready in a moment.');
    $('#public-page').focus();
  }

  /** How many confirmed subscribers a cancellation or reinstatement mail goes to; null when unknown. */
  async function subscribersToTell() {
    const result = await api('GET', '/api/subscribers/summary');
    return result.status === 200 && result.body ? result.body.confirmed : null;
  }

  const people = (count) => (count === null ? 'every confirmed subscriber'
    : count === 1 ? '1 confirmed subscriber' : count + ' confirmed subscribers');

  async function onCancel() {
    clearErrors();
    const count = await subscribersToTell();
    if (!window.confirm('Cancel "' + current.title + '"? This emails ' + people(count)
      + ' that it is cancelled, and the page and calendars show it as cancelled.')) {
      return;
    }
    const reason = text($('#cancel-reason').value);
    const result = await api('POST', '/api/events/' + encodeURIComponent(current.id) + '/cancel',
      {body: {reason: reason}, etag: current.etag});
    if (result.status !== 200) {
      handleFailure(result);
      return;
    }
    loaded(result);
    markClean();
    flash('Cancelled. The event page now says so, and ' + people(count) + ' will be told.');
    $('#edit-heading').focus();
  }

  async function onReinstate() {
    clearErrors();
    const count = await subscribersToTell();
    if (!window.confirm('Reinstate "' + current.title + '"? This emails ' + people(count)
      + ' that it is going ahead after all.')) {
      return;
    }
    const result = await api('POST', '/api/events/' + encodeURIComponent(current.id) + '/reinstate',
      {etag: current.etag});
    if (result.status !== 200) {
      handleFailure(result);
      return;
    }
    loaded(result);
    markClean();
    flash('Reinstated. The event page no longer says it is cancelled, and ' + people(count) + ' will be told.');
    $('#edit-heading').focus();
  }

  async function onDelete() {
    if (!window.confirm('Delete this draft? This cannot be undone.')) {
      return;
    }
    const result = await api('DELETE', '/api/events/' + encodeURIComponent(current.id), {etag: current.etag});
    if (result.status !== 204 && result.status !== 200) {
      handleFailure(result);
      return;
    }
    flash('Draft deleted.');
    location.hash = '#/';
  }

  async function onReload() {
    $('#conflict').hidden = true;
    await showEditor(current.id);
    flash('Reloaded the latest version.');
  }

  // ---------------------------------------------------------------- previews (POST /api/preview)

  // The API renders both with the site's own renderer: what is shown here is what the site will publish.
  let descriptionTimer = null;
  let descriptionRun = 0;

  /** Asks the API for the draft as it would publish; the form's event id, if saved, keeps its slug and series. */
  function requestPreview() {
    const query = current ? '?id=' + encodeURIComponent(current.id) : '';
    return api('POST', '/api/preview' + query, {body: readForm()});
  }

  /** What a failed preview says: the fields a save would refuse, by their visible labels, or the API's problem. */
  function previewProblem(result) {
    const errors = result.body && Array.isArray(result.body.errors) ? result.body.errors : [];
    if (!errors.length) {
      return problemText(result);
    }
    return 'Fix these first: ' + errors.map((error) => {
      const target = targetOf(error.field || '');
      return (target && error.field ? visibleLabel(target) + ': ' : '') + error.message;
    }).join('; ') + '.';
  }

  async function renderDescriptionPreview() {
    const run = ++descriptionRun;
    const preview = $('#preview');
    const status = $('#preview-status');
    preview.dataset.state = 'loading';
    status.textContent = 'Updating the preview…';
    let result;
    try {
      result = await requestPreview();
    } catch (e) {
      result = {status: 0, body: null};
    }
    if (run !== descriptionRun || preview.hidden) {
      return;
    }
    if (result.status !== 200) {
      preview.dataset.state = 'error';
      status.textContent = 'No preview: ' + (result.status ? previewProblem(result) : 'the API cannot be reached.');
      return;
    }
    // the renderer's sanitised output, the very HTML the page embeds
    preview.innerHTML = result.body.descriptionHtml;
    preview.dataset.state = 'ready';
    status.textContent = 'Preview: the description as the site will publish it.';
  }

  function scheduleDescriptionPreview() {
    if ($('#preview').hidden) {
      return;
    }
    window.clearTimeout(descriptionTimer);
    $('#preview').dataset.state = 'loading';
    descriptionTimer = window.setTimeout(renderDescriptionPreview, 400);
  }

  function onPreview() {
    const preview = $('#preview');
    const button = $('#preview-button');
    const open = preview.hidden;
    preview.hidden = !open;
    $('#preview-status').hidden = !open;
    button.setAttribute('aria-expanded', String(open));
    button.textContent = open ? 'Hide preview' : 'Preview description';
    if (open) {
      renderDescriptionPreview();
    } else {
      descriptionRun++;
    }
  }

  /** The whole page in a sandboxed frame: no scripts, no forms, an origin of its own. */
  async function onPagePreview() {
    const status = $('#page-preview-status');
    status.textContent = 'Rendering the page…';
    const result = await requestPreview();
    if (result.status !== 200) {
      status.textContent = '';
      showErrors(result.body && Array.isArray(result.body.errors) && result.body.errors.length ? result.body.errors
        : [{field: '', message: problemText(result)}], 'The page cannot be previewed yet');
      return;
    }
    clearErrors();
    $('#page-preview-frame').srcdoc = result.body.pageHtml;
    $('#page-preview').hidden = false;
    status.textContent = 'The page as it will publish, below.';
    $('#page-preview-close').focus();
  }

  function closePagePreview() {
    $('#page-preview').hidden = true;
    $('#page-preview-frame').srcdoc = '';
    $('#page-preview-status').textContent = '';
    $('#page-preview-button').focus();
  }


  // ---------------------------------------------------------------- cover upload (POST /api/uploads)

  /** Where to PUT a presigned URL: as given, or locally through the stack's own origin (config.json says so). */
  function uploadTarget(url) {
    const proxy = config.uploadProxy;
    return proxy && url.startsWith(proxy.origin + '/') ? proxy.path + url.slice(proxy.origin.length) : url;
  }

  /** Puts the chosen photo straight into the site bucket, then makes its address the event's picture. */
  async function onCoverFile() {
    const input = $('#cover-file');
    const file = input.files[0];
    const status = $('#cover-upload-status');
    if (!file) {
      return;
    }
    status.textContent = 'Uploading ' + file.name + '…';
    const result = await api('POST', '/api/uploads', {body: {contentType: file.type, bytes: file.size}});
    if (result.status !== 201) {
      status.textContent = 'Not uploaded: ' + previewProblem(result);
      return;
    }
    let put;
    try {
      put = await fetch(uploadTarget(result.body.uploadUrl), {method: 'PUT', headers: result.body.headers, body: file});
    } catch (e) {
      put = {ok: false, status: 0};
    }
    if (!put.ok) {
      status.textContent = 'Not uploaded: the storage answered ' + put.status + '. Please try again.';
      return;
    }
    const url = $('#cover-url');
    url.value = result.body.url;
    url.dispatchEvent(new Event('input', {bubbles: true}));
    input.value = '';
    status.textContent = 'Uploaded ' + file.name + '. Save to use it as the picture.';
  }

  // ---------------------------------------------------------------- series ("make this monthly")

  const WEEKDAYS = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'];
  const DAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
  const ORDINALS = ['first', 'second', 'third', 'fourth'];
  /** Fields of an event the API keeps for itself; the rest is the draft a series template is made from. */
  const EVENT_ONLY = ['id', 'startsAt', 'endsAt', 'status', 'cancelReason', 'previousStartsAt', 'version',
    'icsSequence', 'createdAt', 'updatedAt', 'seriesId', 'seriesStamp'];
  /** The event a new series is made from (its draft fields), or null on a series' own page. */
  let seriesTemplate = null;
  let previewTimer = null;
  let previewRun = 0;

  const utcDate = (isoDate) => new Date(isoDate.slice(0, 10) + 'T00:00:00Z');
  const DAY_FORMAT = new Intl.DateTimeFormat('en-GB',
    {weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC'});
  /** "Tue 9 Feb 2027, 18:30" for the API's local "2027-02-09T18:30:00": no zone conversion, it is local already. */
  const localDay = (start) => DAY_FORMAT.format(utcDate(start)).replace(',', '')
    + (start.length > 10 ? ', ' + start.slice(11, 16) : '');

  /**
   * Rules named after the event's own date ("the second Tuesday of every month" for Tue 9 Feb); which dates they
   * give is the API's to say (POST /api/series/preview), never worked out here.
   */
  function presetsFor(isoDate) {
    const date = utcDate(isoDate);
    const day = date.getUTCDate();
    const code = WEEKDAYS[date.getUTCDay()];
    const name = DAY_NAMES[date.getUTCDay()];
    const daysInMonth = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 0)).getUTCDate();
    const presets = [];
    const nth = Math.ceil(day / 7);
    if (nth <= 4) {
      presets.push(['FREQ=MONTHLY;BYDAY=' + nth + code, 'The ' + ORDINALS[nth - 1] + ' ' + name + ' of every month']);
    }
    if (day + 7 > daysInMonth) {
      presets.push(['FREQ=MONTHLY;BYDAY=-1' + code, 'The last ' + name + ' of every month']);
    }
    presets.push(['FREQ=WEEKLY;BYDAY=' + code, 'Every ' + name]);
    presets.push(['FREQ=WEEKLY;INTERVAL=2;BYDAY=' + code, 'Every other ' + name]);
    presets.push(['', 'Custom rule (type it below)']);
    return presets;
  }

  function fillPresets(isoDate, rule) {
    const select = $('#series-preset');
    select.textContent = '';
    for (const [value, label] of presetsFor(isoDate)) {
      select.appendChild(new Option(label, value));
    }
    select.value = $$('option', select).some((o) => o.value === rule) ? rule : '';
  }

  /** "PT3H30M" from two "HH:MM" times; an end at or before the start is the next day's. */
  function durationBetween(start, end) {
    if (!start || !end) {
      return undefined;
    }
    const minutes = (t) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5));
    let length = minutes(end) - minutes(start);
    if (length <= 0) {
      length += 24 * 60;
    }
    return 'PT' + Math.floor(length / 60) + 'H' + (length % 60 ? (length % 60) + 'M' : '');
  }

  function readSeriesForm() {
    const horizon = $('#series-horizon').value.trim();
    return {
      title: text($('#series-title').value),
      rule: text($('#series-rule').value),
      startTime: text($('#series-start').value),
      duration: durationBetween($('#series-start').value, $('#series-end').value),
      timeZone: $('#series-zone').value,
      firstDate: text($('#series-first').value),
      horizon: horizon === '' ? undefined : numberOrText(horizon),
      template: seriesTemplate
    };
  }

  function showSeriesView(detail) {
    $('#list-view').hidden = true;
    $('#edit-view').hidden = true;
    $('#series-view').hidden = false;
    $('#series-form').hidden = detail;
    $('#series-detail').hidden = !detail;
    clearErrors();
  }

  /** "Make this monthly": the form filled from the event, and its next dates shown before anything is saved. */
  async function showNewSeries(eventId) {
    showSeriesView(false);
    const result = await api('GET', '/api/events/' + encodeURIComponent(eventId));
    if (result.status !== 200) {
      flash('Could not open the event: ' + problemText(result));
      return;
    }
    const event = result.body;
    seriesTemplate = Object.fromEntries(Object.entries(event).filter(([key]) => !EVENT_ONLY.includes(key)));
    $('#series-heading').textContent = 'Make this monthly: ' + event.title;
    document.title = 'Make this monthly · Handbill admin';
    $('#series-state').textContent = 'Not saved yet: nothing is created until you choose “Create the series”.';
    const date = event.start.slice(0, 10);
    const next = new Date(utcDate(date).getTime() + 86400000).toISOString().slice(0, 10);
    const rule = presetsFor(date)[0][0];
    $('#series-title').value = event.title;
    fillPresets(date, rule);
    $('#series-rule').value = rule;
    $('#series-start').value = event.start.slice(11, 16);
    $('#series-end').value = (event.end || '').slice(11, 16);
    fillZones(event.timeZone, $('#series-zone'));
    $('#series-first').value = next;
    $('#series-horizon').value = '6';
    $('#series-template').textContent = 'The venue, agenda times, sponsors, tickets, code of conduct and tags of “'
      + event.title + '”. Talks, speakers and the description are filled in on each date.';
    $('#series-back').href = '#/events/' + encodeURIComponent(event.id);
    $('#series-dates').textContent = '';
    $('#series-heading').focus();
    await previewSeries();
  }

  /** Asks the API which dates the form's rule gives (nothing is stored) and lists them. */
  async function previewSeries() {
    const run = ++previewRun;
    $('#series-dates-status').textContent = 'Working out the dates…';
    const result = await api('POST', '/api/series/preview', {body: readSeriesForm()});
    if (run !== previewRun) {
      return;
    }
    const list = $('#series-dates');
    list.textContent = '';
    if (result.status !== 200) {
      $('#series-dates-status').textContent = 'No dates until the problems above are fixed.';
      const errors = result.body && Array.isArray(result.body.errors) ? result.body.errors : [];
      showErrors(errors.length ? errors : [{field: '', message: problemText(result)}], null, {focus: false});
      return;
    }
    clearErrors();
    for (const occurrence of result.body.occurrences) {
      const li = document.createElement('li');
      const time = document.createElement('time');
      time.dateTime = occurrence.start.slice(0, 16);
      time.textContent = localDay(occurrence.start);
      li.appendChild(time);
      list.appendChild(li);
    }
    const count = result.body.occurrences.length;
    $('#series-dates-status').textContent = count === 1 ? '1 date, made as a draft when you create the series.'
      : count + ' dates, made as drafts when you create the series.';
  }

  function schedulePreview() {
    window.clearTimeout(previewTimer);
    previewTimer = window.setTimeout(previewSeries, 300);
  }

  async function onCreateSeries(event) {
    event.preventDefault();
    clearErrors();
    const result = await api('POST', '/api/series', {body: readSeriesForm()});
    if (result.status !== 201) {
      const errors = result.body && Array.isArray(result.body.errors) ? result.body.errors : [];
      showErrors(errors.length ? errors : [{field: '', message: problemText(result)}],
        errors.length ? null : 'The series was not created');
      return;
    }
    location.hash = '#/series/' + encodeURIComponent(result.body.id);
    flash('Series created with ' + result.body.occurrences.length + ' draft dates.');
  }

  let seriesShown = 0;

  /** A series with its dates: open one to edit it, skip one. */
  async function showSeries(id) {
    showSeriesView(true);
    // the view keeps the last series shown; clear it so nothing of that one is taken for this one's
    $('#series-heading').textContent = 'Loading…';
    $('#series-state').textContent = '';
    $('#series-occurrences tbody').textContent = '';
    $('#skip-date').textContent = '';
    $('#series-skipped').textContent = '';
    $('#skip-form').hidden = true;
    delete $('#skip-form').dataset.series;
    const shown = ++seriesShown;
    const result = await api('GET', '/api/series/' + encodeURIComponent(id));
    if (shown !== seriesShown) {
      return; // a later view or a skip answered first: an older read must not paint over it
    }
    if (result.status !== 200) {
      $('#series-heading').textContent = 'Series not available';
      flash('Could not open the series: ' + problemText(result));
      return;
    }
    renderSeries(result.body);
    $('#series-heading').focus();
  }

  function renderSeries(series) {
    const ended = series.status === 'ENDED';
    $('#series-heading').textContent = series.title;
    document.title = series.title + ' · Handbill admin';
    $('#series-state').textContent = 'Rule ' + series.rule + ' · ' + series.startTime.slice(0, 5) + ' '
      + series.timeZone + (ended ? ' · ended' : '');
    $('#skip-form').dataset.series = series.id;
    const tbody = $('#series-occurrences tbody');
    tbody.textContent = '';
    const skip = $('#skip-date');
    skip.textContent = '';
    const today = new Date().toISOString().slice(0, 10);
    for (const occurrence of series.occurrences) {
      const day = localDay(occurrence.start);
      const tr = document.createElement('tr');
      const when = document.createElement('td');
      when.textContent = day;
      const status = document.createElement('td');
      const badge = document.createElement('span');
      badge.className = 'status status-' + occurrence.status.toLowerCase();
      badge.textContent = occurrence.status.charAt(0) + occurrence.status.slice(1).toLowerCase();
      status.appendChild(badge);
      const links = document.createElement('td');
      links.className = 'links';
      links.appendChild(anchor('#/events/' + encodeURIComponent(occurrence.id), 'Open', 'Open ' + day));
      if (occurrence.status !== 'DRAFT') {
        links.appendChild(anchor(sitePath('/events/' + occurrence.slug + '/'), 'Page', 'Page of ' + day));
      }
      tr.append(when, status, links);
      tbody.appendChild(tr);
      if (occurrence.start.slice(0, 10) >= today && occurrence.status !== 'CANCELLED') {
        skip.appendChild(new Option(day, occurrence.start.slice(0, 10)));
      }
    }
    const skipped = $('#series-skipped');
    skipped.textContent = '';
    for (const s of series.exceptions) {
      const li = document.createElement('li');
      li.textContent = localDay(s.date) + ' — ' + (s.reason || 'no reason given');
      skipped.appendChild(li);
    }
    if (!series.exceptions.length) {
      const li = document.createElement('li');
      li.textContent = 'None.';
      skipped.appendChild(li);
    }
    $('#skip-form').hidden = ended || !skip.options.length;
    const isPublic = series.occurrences.some((o) => o.status !== 'DRAFT');
    $('#series-public').hidden = !isPublic;
    $('#series-page').href = sitePath('/series/' + series.slug + '/');
  }

  async function onSkip(event) {
    event.preventDefault();
    clearErrors();
    const date = $('#skip-date').value;
    const day = $('#skip-date').selectedOptions.length ? $('#skip-date').selectedOptions[0].text : date;
    if (!window.confirm('Skip ' + day + '? Its draft is deleted; a published date is cancelled and its subscribers'
      + ' are told.')) {
      return;
    }
    const shown = seriesShown;
    const result = await api('POST', '/api/series/' + encodeURIComponent($('#skip-form').dataset.series) + '/skip',
      {body: {date: date, reason: text($('#skip-reason').value)}});
    if (shown !== seriesShown) {
      return; // another series was opened meanwhile: its view stays
    }
    if (result.status !== 200) {
      const errors = result.body && Array.isArray(result.body.errors) ? result.body.errors : [];
      showErrors(errors.length ? errors : [{field: '', message: problemText(result)}],
        errors.length ? null : 'The date was not skipped');
      return;
    }
    $('#skip-reason').value = '';
    seriesShown++;
    renderSeries(result.body);
    flash('Skipped ' + day + '.');
    $('#skipped-heading').focus();
  }

  // ---------------------------------------------------------------- routing and start

  async function route(event) {
    if (event && event.type === 'hashchange' && !mayLeave(event)) {
      return;
    }
    const hash = location.hash || '#/';
    $('#flash').textContent = '';
    seriesShown++; // a series read still on its way belongs to the view being left
    const edit = /^#\/events\/([^/]+)$/.exec(hash);
    const newSeries = /^#\/series\/new\/([^/]+)$/.exec(hash);
    const series = /^#\/series\/([^/]+)$/.exec(hash);
    if (hash === '#/new') {
      await showEditor(null);
    } else if (edit) {
      await showEditor(decodeURIComponent(edit[1]));
    } else if (newSeries) {
      await showNewSeries(decodeURIComponent(newSeries[1]));
    } else if (series) {
      await showSeries(decodeURIComponent(series[1]));
    } else {
      nextCursor = null;
      await showList(false);
    }
  }

  async function start() {
    const response = await fetch('config.json', {cache: 'no-store'});
    config = await response.json();
    config.apiBase = config.apiBase || '';
    auth = config.auth === 'cognito' ? cognitoAuth(config.cognito) : localAuth(config);
    await auth.token();
    signedIn();
    if (auth.signOut) {
      $('#sign-out').hidden = false;
      $('#sign-out').addEventListener('click', auth.signOut);
    }
    $('#sign-in').addEventListener('click', () => auth.signIn());
    $('#event-form').addEventListener('submit', onSave);
    $('#event-form').addEventListener('click', onListClick);
    $('#event-form').addEventListener('change', (e) => {
      if (e.target.dataset.field === 'id' && e.target.closest('fieldset[data-list="talks"]')) {
        refreshTalkIds();
      }
    });
    $('#publish').addEventListener('click', onPublish);
    $('#delete').addEventListener('click', onDelete);
    $('#cancel-event').addEventListener('click', onCancel);
    $('#reinstate-event').addEventListener('click', onReinstate);
    for (const tab of $$('[role=tab]')) {
      tab.addEventListener('click', () => selectTab(tab, false));
    }
    $('.tabs').addEventListener('keydown', onTabKey);
    $('#event-form').addEventListener('input', keepLocalDraft);
    $('#event-form').addEventListener('change', keepLocalDraft);
    $('#event-form').addEventListener('click', keepLocalDraft);
    $('#draft-restore-button').addEventListener('click', restoreLocalDraft);
    $('#draft-discard-button').addEventListener('click', () => {
      forgetLocalDraft();
      $('#title').focus();
    });
    $('#speaker-pick-add').addEventListener('click', addKnownSpeaker);
    window.addEventListener('beforeunload', (e) => {
      storeLocalDraft();
      if (isDirty()) {
        e.preventDefault();
        e.returnValue = '';
      }
    });
    $('#reload').addEventListener('click', onReload);
    $('#preview-button').addEventListener('click', onPreview);
    $('#description').addEventListener('input', scheduleDescriptionPreview);
    $('#page-preview-button').addEventListener('click', onPagePreview);
    $('#page-preview-close').addEventListener('click', closePagePreview);
    $('#cover-file').addEventListener('change', onCoverFile);
    $('#filters').addEventListener('submit', (e) => {
      e.preventDefault();
      nextCursor = null;
      showList(false);
    });
    $('#more').addEventListener('click', () => showList(true));
    $('#make-series').addEventListener('click', () => {
      location.hash = '#/series/new/' + encodeURIComponent(current.id);
    });
    $('#series-preset').addEventListener('change', () => {
      if ($('#series-preset').value) {
        $('#series-rule').value = $('#series-preset').value;
      } else {
        $('#series-rule').focus();
      }
    });
    $('#series-rule').addEventListener('input', () => {
      const preset = $$('option', $('#series-preset')).find((o) => o.value === $('#series-rule').value.trim());
      $('#series-preset').value = preset ? preset.value : '';
    });
    $('#series-form').addEventListener('change', schedulePreview);
    $('#series-form').addEventListener('submit', onCreateSeries);
    $('#skip-form').addEventListener('submit', onSkip);
    window.addEventListener('hashchange', route);
    await route();
    document.body.dataset.ready = 'true';
  }

  start().catch((error) => {
    $('#flash').textContent = 'The admin form could not start: ' + error.message;
  });
})();
