/*
 * Verified reading and watching (LG-7.2.3, LG-7.2.4): the page only reports; the server decides what counts.
 * - [data-reading-item="<id>"]: starts a reading on load, beats every heartbeatSeconds while the page is visible.
 * - video[data-playback-item="<id>"]: starts a playback on the first play; beats every heartbeatSeconds while
 *   playing, and on pause, seeking (with the position before the seek) and ended; pauses the video on 409.
 * The answer's message goes to [data-tracking-status]; when points were awarded the body receives a
 * 'jifen:credited' event with the answer as its detail.
 */
(function () {
  'use strict';

  function meta(name) {
    var m = document.querySelector('meta[name="' + name + '"]');
    return m ? m.getAttribute('content') : null;
  }

  function post(url, body) {
    var headers = {'Content-Type': 'application/json', 'Accept': 'application/json'};
    var token = meta('_csrf'), header = meta('_csrf_header');
    if (token && header) headers[header] = token;
    return fetch(url, {method: 'POST', headers: headers, credentials: 'same-origin', body: JSON.stringify(body)})
      .then(function (r) {
        return r.json().catch(function () { return {}; }).then(function (json) { return {status: r.status, body: json}; });
      });
  }

  function show(answer) {
    if (!answer) return;
    var status = document.querySelector('[data-tracking-status]');
    if (status && answer.message) status.textContent = answer.message;
    if (answer.points > 0) {
      document.body.dispatchEvent(new CustomEvent('jifen:credited', {detail: answer}));
    }
  }

  function trackReading(el) {
    var item = Number(el.getAttribute('data-reading-item'));
    var session = null, seq = 0, every = 15, timer = null;
    function beat() {
      if (!session || document.visibilityState !== 'visible') return;
      seq += 1;
      post('/api/v1/content/readings/' + encodeURIComponent(session) + '/heartbeats', {seq: seq, clientTime: Date.now()})
        .then(function (r) { show(r.body); })
        .catch(function () {});
    }
    post('/api/v1/content/readings', {item: item}).then(function (r) {
      if (r.status !== 200) { show(r.body && {message: r.body.detail}); return; }
      session = r.body.session;
      every = r.body.heartbeatSeconds || every;
      timer = setInterval(beat, every * 1000);
    }).catch(function () {});
    document.addEventListener('visibilitychange', function () {
      // the time since the last beat while hidden is not reading: the server caps it; beat on return to restart
      if (document.visibilityState === 'visible' && session) beat();
    });
    return function stop() { if (timer) clearInterval(timer); };
  }

  function trackPlayback(video) {
    var item = Number(video.getAttribute('data-playback-item'));
    var session = null, starting = null, seq = 0, every = 15, timer = null;
    var from = 0, lastPosition = 0, stopped = false;

    function start() {
      if (starting) return starting;
      starting = post('/api/v1/content/playbacks', {item: item}).then(function (r) {
        if (r.status !== 200) { show(r.body && {message: r.body.detail}); return null; }
        session = r.body.session;
        every = r.body.heartbeatSeconds || every;
        return session;
      });
      return starting;
    }

    function beat(position) {
      if (!session || stopped) return;
      seq += 1;
      var body = {seq: seq, position: position, from: Math.min(from, position), clientTime: Date.now()};
      from = position;
      post('/api/v1/content/playbacks/' + encodeURIComponent(session) + '/heartbeats', body).then(function (r) {
        if (r.status === 409 && r.body && r.body.paused) {
          stopped = true;
          clearTimer();
          video.pause();
        }
        show(r.body);
      }).catch(function () {});
    }

    function clearTimer() { if (timer) { clearInterval(timer); timer = null; } }

    video.addEventListener('play', function () {
      if (stopped) {
        // a new play after being superseded starts a new playback (it supersedes the other tab in turn)
        stopped = false; session = null; starting = null; seq = 0;
      }
      from = video.currentTime;
      start().then(function (s) {
        if (!s) return;
        clearTimer();
        timer = setInterval(function () { if (!video.paused) beat(video.currentTime); }, every * 1000);
      });
    });
    video.addEventListener('timeupdate', function () {
      if (!video.seeking) lastPosition = video.currentTime;
    });
    video.addEventListener('pause', function () { clearTimer(); beat(video.currentTime); });
    video.addEventListener('ended', function () { clearTimer(); beat(video.currentTime); });
    video.addEventListener('seeking', function () {
      // credit the run up to where the seek left, then start a new run at the seek target
      if (lastPosition > from) beat(lastPosition);
      from = video.currentTime;
    });
    video.addEventListener('seeked', function () { from = video.currentTime; lastPosition = video.currentTime; });
  }

  function bind() {
    document.querySelectorAll('[data-reading-item]').forEach(trackReading);
    document.querySelectorAll('video[data-playback-item]').forEach(trackPlayback);
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', bind);
  else bind();
})();
