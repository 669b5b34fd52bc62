/** Raw messages for the reading tests: an ordinary HTML message with an attachment, and a hostile corpus. */

const CRLF = '\r\n';

/** multipart/mixed: an HTML body (with a text alternative) and a small text attachment. */
export function htmlWithAttachment(subject: string, attachmentText: string): string {
  return [
    'From: Ada Lovelace <ada@example.test>',
    'To: You <you@sandbox.test>',
    `Subject: ${subject}`,
    `Message-ID: <${Date.now()}.${Math.random().toString(36).slice(2)}@e2e.test>`,
    `Date: ${new Date().toUTCString()}`,
    'MIME-Version: 1.0',
    'Content-Type: multipart/mixed; boundary="mix"',
    '',
    '--mix',
    'Content-Type: multipart/alternative; boundary="alt"',
    '',
    '--alt',
    'Content-Type: text/plain; charset=utf-8',
    '',
    'Engine notes, with a table attached.',
    '--alt',
    'Content-Type: text/html; charset=utf-8',
    '',
    '<html><body><h1>Engine notes</h1><p>The <strong>second</strong> table is attached.</p></body></html>',
    '--alt--',
    '--mix',
    'Content-Type: text/plain; charset=utf-8; name="table.txt"',
    'Content-Disposition: attachment; filename="table.txt"',
    'Content-Transfer-Encoding: base64',
    '',
    Buffer.from(attachmentText).toString('base64'),
    '--mix--',
    '',
  ].join(CRLF);
}

/** Every way a sender's HTML might run code or reach the network; each would be seen by the test (a request, a changed title, a flag on window). */
export const HOSTILE_HTML = `<!doctype html><html><head>
<meta http-equiv="refresh" content="0; url=http://evil.test/refresh">
<base href="http://evil.test/base/">
<link rel="stylesheet" href="http://evil.test/style.css">
<link rel="prefetch" href="http://evil.test/prefetch">
<link rel="dns-prefetch" href="//dns.evil.test">
<style>@import url(http://evil.test/import.css); body { background: url(http://evil.test/css-bg.png) } @font-face { font-family: x; src: url(http://evil.test/font.woff) }</style>
<script>top.document.title = 'PWNED'; window.top.__pwned = 1; fetch('http://evil.test/script-fetch');</script>
<script src="http://evil.test/script.js"></script>
</head><body onload="top.document.title='PWNED-onload'">
<h1>Hostile corpus</h1>
<img src="http://track.example/pixel.gif?id=1" width="1" height="1" alt="">
<img src="https://track.example/open.png" alt="remote">
<img src="x" onerror="top.document.title='PWNED-onerror'">
<img src="relative-to-app.png" alt="relative">
<img srcset="http://evil.test/srcset.png 1x" alt="srcset">
<div style="background-image: url('http://evil.test/inline-bg.png'); width: 50px; height: 50px">inline bg</div>
<table background="http://evil.test/table-bg.png"><tr><td>cell</td></tr></table>
<svg><script>top.document.title='PWNED-svg'</script><image href="http://evil.test/svg.png"/></svg>
<iframe src="http://evil.test/frame"></iframe>
<object data="http://evil.test/object.swf"></object>
<embed src="http://evil.test/embed.swf">
<video poster="http://evil.test/poster.png" src="http://evil.test/video.mp4"></video>
<audio src="http://evil.test/audio.mp3" autoplay></audio>
<form action="http://evil.test/form" method="post"><input name="q" value="x" autofocus onfocus="top.document.title='PWNED-focus'"><input type="image" src="http://evil.test/input.png"><button>Go</button></form>
<details open ontoggle="top.document.title='PWNED-toggle'"><summary>s</summary>d</details>
<p><a href="javascript:top.document.title='PWNED-link'">javascript link</a></p>
<p><a href="https://evil.test/login">https://bank.example/login</a></p>
<p><a href="data:text/html,<script>alert(1)</script>">data link</a></p>
<p><a href="http://evil.test/plain" target="_top">plain target top</a></p>
</body></html>`;

export function hostileMessage(subject: string): string {
  return [
    'From: Mallory <mallory@evil.test>',
    'To: You <you@sandbox.test>',
    `Subject: ${subject}`,
    `Message-ID: <hostile.${Date.now()}@evil.test>`,
    `Date: ${new Date().toUTCString()}`,
    'MIME-Version: 1.0',
    'Content-Type: text/html; charset=utf-8',
    'Content-Transfer-Encoding: base64',
    '',
    Buffer.from(HOSTILE_HTML).toString('base64').replace(/.{76}/g, `$&${CRLF}`),
    '',
  ].join(CRLF);
}
