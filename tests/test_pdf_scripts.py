"""Every script the minutes may hold comes out of the PDF: minutes with one invented sentence
per language are exported from the command line, and pdftotext gives each sentence back,
right-to-left ones in reading order, set in the shipped fonts only."""

from __future__ import annotations

import re
import subprocess
import unicodedata

from ctxtui.cli.demo import demo_conference
from ctxtui.core.record import Action

SLOW = True  # pandoc, Typst and poppler run

# "The meeting was held at the community centre", and a few words more where a language has
# letters the sentence lacks. All invented.
SENTENCES = {
    "French": "Réunion tenue au centre communautaire, près de l’église Saint-Éloi, à Noël.",
    "German": "Die Sitzung fand im Gemeindezentrum an der Großen Straße statt; Übergänge geprüft.",
    "Polish": "Spotkanie odbyło się w świetlicy środowiskowej przy ulicy Źródlanej; żółć.",
    "Czech": "Schůzka se konala v komunitním centru na náměstí; řeka, ďábel, ťuk.",
    "Romanian": "Ședința s-a ținut la centrul comunitar din Iași.",
    "Turkish": "Toplantı Çarşı’daki toplum merkezinde yapıldı; ağaç, İğdır.",
    "Hungarian": "Az ülést a közösségi házban tartották Győrben, a főúton.",
    "Icelandic": "Fundurinn var haldinn í félagsmiðstöðinni í Þórshöfn; Æsir.",
    "Welsh": "Cynhaliwyd y cyfarfod yn y ganolfan gymunedol ger tŵr Llanfair; ŷd.",
    "Maltese": "Il-laqgħa saret fiċ-ċentru tal-komunità f’Ħal Qormi; żebbuġ.",
    "Latvian": "Sanāksme notika kopienas centrā Rīgā; ķēde, ļoti, ņemt.",
    "Lithuanian": "Susitikimas vyko bendruomenės centre Šiauliuose; ąžuolas, ųų, ėė.",
    "Croatian": "Sastanak je održan u društvenom centru u Đakovu; čćšž.",
    "Danish and Swedish": "Mødet blev holdt i medborgerhuset i Århus; Mötet hölls på kulturhuset.",
    "Spanish and Portuguese": "La reunión fue en el centro de A Coruña; A reunião foi no centro.",
    "Sami and Estonian": "Čoahkkin lei searvvušguovddážis; Koosolek toimus Võrus.",
    "Vietnamese": "Cuộc họp được tổ chức tại trung tâm cộng đồng ở Đà Nẵng.",
    "Greek": "Η συνάντηση έγινε στο κοινοτικό κέντρο της Θεσσαλονίκης.",
    "Russian": "Встреча прошла в общественном центре на площади.",
    "Ukrainian and Serbian": "Зустріч відбулася в громадському центрі; Састанак је одржан.",
    "Arabic": "عقد الاجتماع في المركز المجتمعي",
    "Urdu": "اجلاس کمیونٹی سینٹر میں منعقد ہوا",
    "Hebrew": "הפגישה התקיימה במרכז הקהילתי",
    "Hindi": "बैठक सामुदायिक केंद्र में हुई",
    "Bengali": "সভাটি কমিউনিটি সেন্টারে অনুষ্ঠিত হয়েছিল",
    "Punjabi": "ਮੀਟਿੰਗ ਕਮਿਊਨਿਟੀ ਸੈਂਟਰ ਵਿੱਚ ਹੋਈ",
    "Gujarati": "બેઠક સામુદાયિક કેન્દ્રમાં યોજાઈ હતી",
    "Tamil": "கூட்டம் சமூக மையத்தில் நடைபெற்றது",
    "Malayalam": "യോഗം കമ്മ്യൂണിറ്റി സെന്ററിൽ നടന്നു",
    "Sinhala": "රැස්වීම ප්‍රජා මධ්‍යස්ථානයේදී පැවැත්විණි",
    "Thai": "การประชุมจัดขึ้นที่ศูนย์ชุมชน",
    "Tigrinya": "ኣኼባ ኣብ ማእከል ማሕበረሰብ ተኻይዱ",
    "Amharic": "ስብሰባው በማህበረሰብ ማዕከል ተካሄደ",
    "Chinese (simplified)": "会议在社区中心举行",
    "Chinese (traditional)": "會議在社區中心舉行",
    "Japanese": "会議はコミュニティセンターで開かれました",
    "Korean": "회의는 주민 센터에서 열렸습니다",
    "Emoji": "🙂 👍 🏠 ☕ ✅ 🚌",
}
RIGHT_TO_LEFT = ("Arabic", "Urdu", "Hebrew")
# what pdftotext adds around right-to-left text (embeddings, isolates, marks) and the
# PDF's invisible break opportunities
_INVISIBLE = re.compile("[\u200b\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def flat(text: str) -> str:
    """NFC, without whitespace or invisible direction and break characters: pdftotext breaks
    lines where the PDF does and, in some Indic words, puts a space between glyph clusters."""
    return "".join(_INVISIBLE.sub("", unicodedata.normalize("NFC", text)).split())


def test_every_script_comes_back_from_the_pdf_in_reading_order(store, cli, tmp_path):
    conference = demo_conference()
    conference.points.concerns = [f"{language}: {text}" for language, text in SENTENCES.items()]
    conference.actions.insert(
        0,
        Action(
            worry=SENTENCES["Arabic"],
            intervention=SENTENCES["Japanese"],
            agency=SENTENCES["Hebrew"],
        ),
    )
    conference_id = store.create(conference).id
    out = tmp_path / "minutes.pdf"
    cli.ok("export", conference_id, "--format", "pdf", "--out", str(out))
    text = flat(subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True).stdout)
    missing = [language for language, sentence in SENTENCES.items() if flat(sentence) not in text]
    assert missing == []
    for language in RIGHT_TO_LEFT:  # in the order it is read, never as drawn left to right
        sentence = flat(SENTENCES[language])
        assert text.count(sentence) == (2 if language != "Urdu" else 1)  # point (+ plan row)
        assert sentence[::-1] not in text
    fonts = subprocess.run(["pdffonts", str(out)], capture_output=True, text=True).stdout
    embedded = [line.split()[0].split("+")[-1] for line in fonts.splitlines()[2:]]
    assert all(line.split()[-5] == "yes" for line in fonts.splitlines()[2:])  # embedded
    assert {name.split("-")[0] for name in embedded} == {
        "NotoSans",
        "NotoNaskhArabic",
        "NotoSansHebrew",
        "NotoSansDevanagari",
        "NotoSansBengali",
        "NotoSansGurmukhi",
        "NotoSansGujarati",
        "NotoSansTamil",
        "NotoSansMalayalam",
        "NotoSansSinhala",
        "NotoSansThai",
        "NotoSansEthiopic",
        "NotoSansCJKsc",
        "Symbola",
    }
