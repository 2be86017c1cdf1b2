from pijnreset.pdf_text import latin1


def test_latin1_keeps_what_the_fonts_have_and_brings_the_rest_near():
    assert latin1("Zoë Müller") == "Zoë Müller"
    assert latin1("Łukasz Őrs") == "Lukasz Ors"
    assert latin1("€ 12 – “ok” ‘ja’") == "EUR 12 - \"ok\" 'ja'"
    assert latin1("王 🙂") == "? ?"
