"""HTML mail to text: no script or style text leaks, quotes become ``>`` lines, hostile HTML is survived."""

from __future__ import annotations

import time

import pytest

from channels.email_html import html_to_text

HOSTILE = """<html><head><title>TITLE</title><style>p{}</style><script>SCRIPT()</script></head>
<body onload="x()"><div style="display: none">HIDDEN</div><span hidden>ALSO HIDDEN</span>
<p>Water is coming through the ceiling &amp; the light is wet.</p>
<script type="text/javascript">document.write('INJECTED')</script><noscript>NOSCRIPT</noscript>
<iframe>IFRAME</iframe><svg><text>SVG</text></svg><template>TEMPLATE</template>
<object>OBJECT</object><style>/* STYLE IN BODY */</style><!-- COMMENT -->
<p style="mso-hide:all">OUTLOOK HIDDEN</p><img alt="ALT TEXT" src="x.png"></body></html>"""


def test_no_script_style_or_hidden_text_leaks() -> None:
    text = html_to_text(HOSTILE)
    assert text == "Water is coming through the ceiling & the light is wet."


def test_structure_becomes_lines() -> None:
    html = ("<p>First<br>line two</p><ul><li>Kitchen</li><li>Hall</li></ul>"
            "<table><tr><td>Flat</td><td>3</td></tr></table><pre>  kept\n  as is</pre>")
    assert html_to_text(html) == "First\nline two\n\n- Kitchen\n- Hall\n\nFlat 3\n\n  kept\n  as is"


def test_blockquotes_and_rules_mark_history() -> None:
    html = ("<div>Reply</div><div class=gmail_quote>On Mon, Jane wrote:<blockquote>Hello<br>"
            "<blockquote>Older</blockquote></blockquote></div><hr><b>From:</b> x")
    assert html_to_text(html).splitlines() == [
        "Reply", "On Mon, Jane wrote:", "", "> Hello", ">", ">> Older", ">",
        "________________________________", "From: x"]


def test_outlook_paragraphs_are_lines_and_invisible_marks_go() -> None:
    html = ('<p class=MsoNormal>Hi\u200b<o:p></o:p></p><p class=MsoNormal><o:p>&nbsp;</o:p></p>'
            '<p class=MsoNormal>Thanks\u200e</p>')
    assert html_to_text(html) == "Hi\n\nThanks"


@pytest.mark.parametrize("html", ["", "   ", "<", "<<<>>>", "</p></div>", "<p", "\x00<b>x</b>",
                                  "<a href='javascript:alert(1)'>link</a>", "<![CDATA[x]]>"])
def test_odd_input_never_raises(html: str) -> None:
    assert isinstance(html_to_text(html), str)


def test_deep_nesting_and_size_are_survived_quickly() -> None:
    html = "<div>" * 50_000 + "deep" + "</div>" * 50_000 + "<p>x</p>" * 20_000
    started = time.perf_counter()
    text = html_to_text(html)
    assert text.startswith("deep")
    assert time.perf_counter() - started < 5.0
