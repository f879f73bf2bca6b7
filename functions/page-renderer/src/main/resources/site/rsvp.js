// Live RSVP availability on a static event page: the page works without this (the form posts normally and the
// answer page says whether there was a place); with it, the page says how many places are left right now.
(function () {
  'use strict';
  var box = document.querySelector('[data-availability]');
  if (!box || !window.fetch) {
    return;
  }
  var status = box.querySelector('.rsvp-status');
  fetch(box.getAttribute('data-availability'), {headers: {Accept: 'application/json'}})
    .then(function (response) { return response.ok ? response.json() : null; })
    .then(function (a) {
      if (!a) {
        return;
      }
      if (a.status === 'closed') {
        status.textContent = 'RSVPs closed';
        box.querySelector('form').hidden = true;
      } else if (a.status === 'waitlist') {
        status.textContent = 'Full: waitlist open';
      } else {
        status.textContent = a.placesLeft == null ? 'Places available'
          : a.placesLeft + (a.placesLeft === 1 ? ' place left' : ' places left');
      }
      status.hidden = false;
    })
    .catch(function () { /* the static text stays */ });
})();
