// The reader's own clock beside the event's: the page states the time in the event's zone and works without this;
// with it, a reader whose zone is at another offset at that instant also reads "That's 13:30 EST your time."
(function () {
  'use strict';
  if (!window.Intl || !Intl.DateTimeFormat || !Intl.DateTimeFormat.prototype.formatToParts) {
    return;
  }
  var clock = new Intl.DateTimeFormat('en-GB', {hour: '2-digit', minute: '2-digit', hourCycle: 'h23'});
  var day = new Intl.DateTimeFormat('en-GB', {weekday: 'long', day: 'numeric', month: 'long'});

  // the zone's short name as the server names it: en-GB's "BST", else en-US's "EDT" where en-GB says "GMT-4"
  function zone(date) {
    var british = zoneName('en-GB', date);
    return /^GMT[+-]/.test(british) ? zoneName('en-US', date) : british;
  }

  function zoneName(locale, date) {
    var parts = new Intl.DateTimeFormat(locale, {timeZoneName: 'short'}).formatToParts(date);
    for (var i = 0; i < parts.length; i++) {
      if (parts[i].type === 'timeZoneName') {
        return parts[i].value;
      }
    }
    return '';
  }

  // "2017-09-26T18:45:00+01:00" -> minutes east of UTC at that instant in the event's zone
  function eventOffset(iso) {
    var m = /([+-])(\d\d):(\d\d)$/.exec(iso);
    return m ? (m[1] === '-' ? -1 : 1) * (60 * Number(m[2]) + Number(m[3])) : 0;
  }

  function differs(iso) {
    return eventOffset(iso) !== -new Date(iso).getTimezoneOffset();
  }

  function localDate(date) {
    return date.getFullYear() + '-' + ('0' + (date.getMonth() + 1)).slice(-2) + '-' + ('0' + date.getDate()).slice(-2);
  }

  // as the server's HumanTime.hours: the zone named once, or at each end when the clocks change in between
  function sentence(startIso, endIso) {
    var start = new Date(startIso);
    var text = localDate(start) === startIso.slice(0, 10) ? '' : day.format(start) + ', ';
    if (!endIso) {
      return "That's " + text + 'from ' + clock.format(start) + ' ' + zone(start) + ' your time.';
    }
    var end = new Date(endIso);
    var until = (localDate(end) === localDate(start) ? '' : day.format(end) + ', ') + clock.format(end);
    text += zone(start) === zone(end) ? clock.format(start) + ' – ' + until
      : clock.format(start) + ' ' + zone(start) + ' – ' + until;
    return "That's " + text + ' ' + zone(end) + ' your time.';
  }

  var times = document.querySelectorAll('time[data-local-time]');
  for (var i = 0; i < times.length; i++) {
    var time = times[i];
    var startIso = time.getAttribute('datetime');
    var endIso = time.getAttribute('data-end');
    if (isNaN(new Date(startIso).getTime()) || !(differs(startIso) || (endIso && differs(endIso)))) {
      continue;
    }
    var line = document.createElement('span');
    line.className = 'local-time';
    line.textContent = ' ' + sentence(startIso, endIso);
    time.parentNode.appendChild(line);
  }
})();
