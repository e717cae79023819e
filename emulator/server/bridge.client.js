/*
 * google.script.run and google.script.host for pages served by the local ward, following the
 * client-side API: https://developers.google.com/apps-script/guides/html/reference/run
 * - arguments: primitives, null, arrays and plain objects; a Date, function, DOM node (except a
 *   form as the only argument) or a cycle makes the call fail at once with
 *   "Failed due to illegal value in property: <key>"; undefined array items become null;
 * - asynchronous; success and failure handlers get the user object as second argument; without a
 *   failure handler the failure is logged to the console;
 * - at most MAX_IN_FLIGHT calls in flight from one page (Apps Script: 10); later ones wait;
 * - private server functions (names ending in "_") are not offered:
 *   https://developers.google.com/apps-script/guides/html/communication#private_functions
 * Plain ES5 on purpose: it is injected into pages as they are.
 */
(function () {
  var FUNCTIONS = __FUNCTIONS__;
  var MAX_IN_FLIGHT = __MAX_IN_FLIGHT__;
  // The sidebar's calls go to /rpc; a web app page's to /webapp/rpc (run as the web app runs):
  // the ward replaces the marked default for those pages.
  var RPC_URL = /*RPC_URL*/ '/rpc';
  var inFlight = 0;
  var waiting = [];

  function illegal(key) {
    return new Error('Failed due to illegal value in property: ' + key);
  }

  function toWire(value, key, seen) {
    if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
    if (typeof value === 'number') return isFinite(value) ? value : null;
    if (value === undefined) return undefined;
    if (typeof value !== 'object') throw illegal(key);
    if (value instanceof Date) throw illegal(key);
    if (typeof Node !== 'undefined' && value instanceof Node) throw illegal(key);
    if (seen.indexOf(value) >= 0) throw illegal(key);
    seen.push(value);
    var out;
    if (Array.isArray(value)) {
      out = [];
      for (var i = 0; i < value.length; i++) {
        var item = toWire(value[i], i, seen);
        out.push(item === undefined ? null : item);
      }
    } else {
      var proto = Object.getPrototypeOf(value);
      if (proto !== Object.prototype && proto !== null) throw illegal(key);
      out = {};
      Object.keys(value).forEach(function (k) {
        var w = toWire(value[k], k, seen);
        if (w !== undefined) out[k] = w;
      });
    }
    seen.pop();
    return out;
  }

  function formToObject(form) {
    var out = {};
    for (var i = 0; i < form.elements.length; i++) {
      var el = form.elements[i];
      if (!el.name || el.disabled) continue;
      if ((el.type === 'checkbox' || el.type === 'radio') && !el.checked) continue;
      if (el.type === 'file') throw new Error('not implemented in the emulator: file inputs in google.script.run forms');
      if (out.hasOwnProperty(el.name)) {
        out[el.name] = [].concat(out[el.name], el.value);
      } else {
        out[el.name] = el.value;
      }
    }
    return out;
  }

  function pump() {
    while (inFlight < MAX_IN_FLIGHT && waiting.length) {
      send(waiting.shift());
    }
  }

  function send(call) {
    inFlight++;
    fetch(RPC_URL, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ fn: call.name, args: call.args }),
    })
      .then(function (res) {
        return res.json();
      })
      .then(
        function (res) {
          if (res.ok) {
            if (call.success) call.success(res.undefined ? undefined : res.value, call.userObject);
          } else {
            var error = new Error(res.error.message);
            error.name = res.error.name;
            fail(call, error);
          }
        },
        function () {
          fail(call, new Error('NetworkError: Connection failure due to HTTP 0'));
        }
      )
      .then(function () {
        inFlight--;
        pump();
      });
  }

  function fail(call, error) {
    if (call.failure) call.failure(error, call.userObject);
    else console.error(error);
  }

  function runner(success, failure, userObject) {
    var r = {
      withSuccessHandler: function (fn) {
        return runner(fn, failure, userObject);
      },
      withFailureHandler: function (fn) {
        return runner(success, fn, userObject);
      },
      withUserObject: function (obj) {
        return runner(success, failure, obj);
      },
    };
    FUNCTIONS.forEach(function (name) {
      // Private functions (names ending in "_") cannot be called from google.script.run.
      if (name.charAt(name.length - 1) === '_') return;
      r[name] = function () {
        var args = Array.prototype.slice.call(arguments);
        var wire;
        if (args.length === 1 && typeof HTMLFormElement !== 'undefined' && args[0] instanceof HTMLFormElement) {
          wire = [formToObject(args[0])];
        } else {
          wire = args.map(function (a, i) {
            var w = toWire(a, i, []);
            return w === undefined ? null : w;
          });
        }
        waiting.push({ name: name, args: wire, success: success, failure: failure, userObject: userObject });
        pump();
      };
    });
    return r;
  }

  window.google = window.google || {};
  window.google.script = {
    run: runner(null, null, undefined),
    host: {
      origin: location.origin,
      close: function () {
        window.parent.postMessage({ wardSidebar: 'close' }, '*');
      },
      setHeight: function () {},
      setWidth: function () {},
      editor: { focus: function () {} },
    },
  };

  // Links to Google (a Doc the add-on made, the form, the spreadsheet) cannot leave this machine:
  // the local ward serves each of them under the same path, so open that instead.
  if (typeof document !== 'undefined') document.addEventListener('click', function (event) {
    var link = event.target && event.target.closest ? event.target.closest('a[href^="https://docs.google.com/"]') : null;
    if (!link) return;
    event.preventDefault();
    window.open(window.location.origin + link.getAttribute('href').replace('https://docs.google.com', ''), '_blank');
  }, true);
})();
