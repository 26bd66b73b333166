// Quack's browser client: history over REST, live messages over the WebSocket API, and a reconnect with backoff
// (plus a history refill) whenever the socket closes — for instance because its region went down.
"use strict";

(function () {
  const config = window.QUACK_CONFIG || {};
  const params = new URLSearchParams(window.location.search);
  // Where to connect, in order of preference: ?ws=url1,url2&api=base1,base2 (one entry per region, so that the page
  // fails over by itself), else this page's own region. Behind an edge router, one entry: the edge.
  const endpoints = endpointsFrom(params, config);
  let current = 0; // index into endpoints
  const edge = params.get("edge") || config.edge || null;
  const messages = new Map(); // id -> message, de-duplicated
  const list = document.getElementById("messages");
  const status = document.getElementById("status");
  const statusText = document.getElementById("status-text");
  const form = document.getElementById("composer");
  const input = document.getElementById("message");
  let socket = null;
  let connectedRegion = null;
  let attempt = 0;

  function setStatus(state, text) {
    status.className = "status " + state;
    statusText.textContent = text;
    document.body.dataset.connection = state;
    document.body.dataset.region = connectedRegion || "";
  }

  function describeConnection() {
    const where = connectedRegion ? "region " + connectedRegion : "a region";
    return "connected to " + where + (edge ? " via edge " + edge : "");
  }

  function merge(incoming) {
    for (const message of incoming) {
      if (message && message.id && !messages.has(message.id)) {
        messages.set(message.id, message);
      }
    }
    render();
  }

  function render() {
    const sorted = [...messages.values()].sort((a, b) => Number(a.ts) - Number(b.ts));
    const atBottom = list.parentElement.scrollTop + list.parentElement.clientHeight >= list.parentElement.scrollHeight - 40;
    list.replaceChildren(...sorted.map(renderMessage));
    if (atBottom) {
      list.parentElement.scrollTop = list.parentElement.scrollHeight;
    }
  }

  function renderMessage(message) {
    const item = document.createElement("li");
    item.dataset.id = message.id;
    const region = tag(message.region || "?", "region", "served by " + (message.region || "?"));
    const origin = tag(message.origin || "?", "origin", "written in " + (message.origin || "?"));
    if (message.origin && message.region && message.origin !== message.region) {
      origin.classList.add("remote");
    }
    const text = document.createElement("span");
    text.className = "text";
    text.textContent = message.message;
    const time = document.createElement("time");
    time.className = "time";
    time.textContent = new Date(Number(message.ts)).toLocaleTimeString();
    item.append(region, text, origin, time);
    return item;
  }

  function tag(label, kind, title) {
    const span = document.createElement("span");
    span.className = "tag " + kind;
    span.textContent = label;
    span.title = title;
    return span;
  }

  function endpointsFrom(params, config) {
    const sockets = (params.get("ws") || config.websocketUrl || "").split(",").filter(Boolean);
    const apis = (params.get("api") || "").split(",");
    return sockets.map((websocket, i) => ({ websocket, api: apis[i] || (i === 0 ? "" : null) }));
  }

  function historyUrl() {
    const api = endpoints.length > 0 ? endpoints[current].api : "";
    if (api === null) {
      return "history"; // no REST address known for that region: ask this page's own
    }
    return api ? api.replace(/\/$/, "") + "/history" : "history";
  }

  async function loadHistory() {
    try {
      const response = await fetch(historyUrl(), { cache: "no-store" });
      if (response.ok) {
        // Through an edge the history comes from the region the edge chose, which is where the socket went too:
        // show it at once rather than after the next message (the header is readable only from the same origin).
        const served = response.headers.get("X-Regionless-Region");
        if (served && socket && socket.readyState === WebSocket.OPEN && served !== connectedRegion) {
          connectedRegion = served;
          setStatus("connected", describeConnection());
        }
        merge(await response.json());
      }
    } catch (e) {
      // The region may be down; the next reconnect tries again.
    }
  }

  function connect() {
    if (endpoints.length === 0) {
      setStatus("disconnected", "no WebSocket URL configured");
      return;
    }
    setStatus("connecting", attempt === 0 ? "connecting…" : "reconnecting (attempt " + attempt + ")…");
    const ws = new WebSocket(endpoints[current].websocket);
    socket = ws;
    ws.onopen = () => {
      attempt = 0;
      setStatus("connected", describeConnection());
      form.querySelector("button").disabled = false;
      loadHistory(); // fills whatever was missed while disconnected
    };
    ws.onmessage = (event) => {
      let data;
      try {
        data = JSON.parse(event.data);
      } catch (e) {
        return;
      }
      if (Array.isArray(data)) {
        const region = data.length > 0 ? data[0].region : null;
        if (region && region !== connectedRegion) {
          connectedRegion = region;
          setStatus("connected", describeConnection());
        }
        merge(data);
      }
    };
    ws.onclose = () => {
      if (socket !== ws) {
        return;
      }
      form.querySelector("button").disabled = true;
      connectedRegion = null;
      attempt += 1;
      current = (current + 1) % endpoints.length; // try the next region; a single edge is tried again
      const delay = Math.min(8000, 250 * Math.pow(2, attempt - 1)) * (0.5 + Math.random() / 2);
      setStatus("disconnected", "disconnected; retrying in " + (delay / 1000).toFixed(1) + " s");
      setTimeout(connect, delay);
    };
  }

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const text = input.value.trim();
    if (!text || !socket || socket.readyState !== WebSocket.OPEN) {
      return;
    }
    socket.send(JSON.stringify({ action: "send", message: text }));
    input.value = "";
  });

  connectedRegion = config.region || null;
  loadHistory();
  connect();
})();
