import assert from 'node:assert/strict';
import { test } from 'node:test';
import { htmlToText, safeHref, sanitizeBody } from './sanitize.ts';

// OWASP XSS filter evasion cheat sheet style vectors (and a few from html5sec.org).
const VECTORS = [
  '<script>alert(1)</script>',
  '<SCRIPT SRC=https://xss.example/xss.js></SCRIPT>',
  '<IMG SRC="javascript:alert(\'XSS\');">',
  '<IMG SRC=javascript:alert(1)>',
  '<IMG SRC=JaVaScRiPt:alert(1)>',
  '<IMG SRC=`javascript:alert("RSnake says, \'XSS\'")`>',
  '<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)">x</a>',
  '<a href="&#x6A&#x61&#x76&#x61&#x73&#x63&#x72&#x69&#x70&#x74&#x3A;alert(1)">x</a>',
  '<a href="jav&#x09;ascript:alert(1)">x</a>',
  '<a href="jav\tascript:alert(1)">x</a>',
  '<a href=" &#14;  javascript:alert(1)">x</a>',
  '<a href="JaVaScRiPt:alert(1)">x</a>',
  '<a href="vbscript:msgbox(1)">x</a>',
  '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>',
  '<a href="//evil.example/">x</a>',
  '<img src="data:image/png;base64,iVBORw0KGgo=">',
  '<img src="https://tracker.example/p.gif">',
  '<img src="/files/../admin">',
  '<IMG """><SCRIPT>alert("XSS")</SCRIPT>">',
  '<IMG SRC=/ onerror="alert(1)"></img>',
  '<img src=x onerror=alert(1)//',
  '<svg/onload=alert(1)>',
  '<BODY ONLOAD=alert(1)>',
  '<p onclick="alert(1)" onmouseover=alert(1)>text</p>',
  '<iframe src="javascript:alert(1)"></iframe>',
  '<object data="javascript:alert(1)"></object>',
  '<embed src="javascript:alert(1)">',
  '<style>@import "javascript:alert(1)";</style>',
  '<p style="background:url(javascript:alert(1))">x</p>',
  '<div style="width: expression(alert(1));">x</div>',
  '<TABLE BACKGROUND="javascript:alert(1)"><tr><td>x</td></tr></TABLE>',
  '<td background="javascript:alert(1)">x</td>',
  '<META HTTP-EQUIV="refresh" CONTENT="0;url=javascript:alert(1);">',
  '<LINK REL="stylesheet" HREF="javascript:alert(1);">',
  '<BASE HREF="javascript:alert(1);//">',
  '<form action="javascript:alert(1)"><button>x</button></form>',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
  '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
  '<<SCRIPT>alert("XSS");//<</SCRIPT>',
  '<a href="javascript&colon;alert(1)">x</a>',
  '<details open ontoggle=alert(1)>',
  '<span class="x" id="y" data-x="1">t</span>',
];

const DANGER =
  /<script|<style|<iframe|<object|<embed|<svg|<meta|<link|<base|<form|\son\w+=|javascript:|vbscript:|data:|style=|background=|class=|id=/i;

test(`none of ${VECTORS.length} XSS vectors survives`, () => {
  for (const v of VECTORS) {
    const out = sanitizeBody(v);
    assert.doesNotMatch(out, DANGER, `vector: ${v}\nout: ${out}`);
    assert.equal(sanitizeBody(out), out, `idempotent for: ${v}`);
  }
  assert.ok(VECTORS.length >= 20);
});

test('links: http/https/mailto and relative links stay, with rel="noopener noreferrer"', () => {
  assert.equal(
    sanitizeBody('<a href="https://gov.example/a?x=1&amp;y=2" target="_blank" onclick="x()">政策原文</a>'),
    '<a href="https://gov.example/a?x=1&amp;y=2" rel="noopener noreferrer">政策原文</a>',
  );
  assert.equal(
    sanitizeBody('<a href="mailto:gk@county.example">邮箱</a>'),
    '<a href="mailto:gk@county.example" rel="noopener noreferrer">邮箱</a>',
  );
  assert.equal(
    sanitizeBody('<a href="/disclosures/123">上一期</a>'),
    '<a href="/disclosures/123" rel="noopener noreferrer">上一期</a>',
  );
  assert.equal(sanitizeBody('<a href="javascript:alert(1)">点我</a>'), '<a>点我</a>');
});

test('safeHref judges schemes after removing control characters', () => {
  assert.equal(safeHref('https://a.example'), true);
  assert.equal(safeHref('/a/b?c=d:e'), true);
  assert.equal(safeHref('#top'), true);
  assert.equal(safeHref(' java\u0000script:alert(1)'), false);
  assert.equal(safeHref('\\\\evil.example\\x'), false);
  assert.equal(safeHref('foo:bar'), false);
  assert.equal(safeHref(undefined), false);
});

test('images only from internal /files/ URLs, with a safe size', () => {
  assert.equal(
    sanitizeBody('<img src="/files/0190a/photo.jpg" alt="公示栏照片" width="640" height="abc" onload="x()">'),
    '<img alt="公示栏照片" src="/files/0190a/photo.jpg" width="640" />',
  );
  assert.equal(sanitizeBody('<p>a<img src="https://x.example/a.png">b</p>'), '<p>ab</p>');
});

test('the structure of official documents survives', () => {
  const html =
    '<h2>一、基本情况</h2><p><strong>加粗</strong><em>强调</em><u>下划线</u><s>删除</s><br></p>' +
    '<ol start="2"><li>第一项</li></ol><blockquote>引用</blockquote>' +
    '<table><caption>收支</caption><thead><tr><th scope="col" colspan="2">项目</th></tr></thead>' +
    '<tbody><tr><td rowspan="2" colspan="x">a</td><td>b</td></tr></tbody></table>';
  assert.equal(
    sanitizeBody(html),
    '<h2>一、基本情况</h2><p><strong>加粗</strong><em>强调</em><u>下划线</u><s>删除</s><br /></p>' +
      '<ol start="2"><li>第一项</li></ol><blockquote>引用</blockquote>' +
      '<table><caption>收支</caption><thead><tr><th colspan="2" scope="col">项目</th></tr></thead>' +
      '<tbody><tr><td rowspan="2">a</td><td>b</td></tr></tbody></table>',
  );
  assert.equal(
    sanitizeBody('<h1>标题</h1><b>粗</b><i>斜</i>'),
    '<h2>标题</h2><strong>粗</strong><em>斜</em>',
  );
  assert.equal(sanitizeBody('<p>村民<script>alert(1)</script>大会</p>'), '<p>村民大会</p>');
});

test('htmlToText: lines per block, tabs between cells, entities decoded', () => {
  const html =
    '<h2>公开事项</h2><p>张三&nbsp;&amp;&nbsp;李四  反映 &lt;问题&gt;</p><ul><li>一</li><li>二</li></ul>' +
    '<table><tr><th>项目</th><td>金额</td></tr><tr><td>修路</td><td>1,000</td></tr></table>' +
    '<p>电话13800138000<br>地址</p><script>x</script>';
  assert.equal(
    htmlToText(html),
    '公开事项\n张三 & 李四 反映 <问题>\n• 一\n• 二\n项目\t金额\n修路\t1,000\n电话13800138000\n地址',
  );
  assert.equal(htmlToText(''), '');
});

test('the finance table keeps its own classes (amounts right-aligned); any other class is dropped', () => {
  const out = sanitizeBody(
    '<table class="finance-table evil"><tr><th class="num">收入</th><td class="num x">1,200.00</td><td class="hidden">a</td></tr></table><span class="finance-unit">（金额单位：元）</span><p class="num">p</p>',
  );
  assert.match(out, /<table class="finance-table">/);
  assert.match(out, /<th class="num">收入<\/th>/);
  assert.match(out, /<td class="num">1,200.00<\/td>/);
  assert.match(out, /<td>a<\/td>/);
  assert.match(out, /<span class="finance-unit">/);
  assert.match(out, /<p>p<\/p>/);
});
