"""Social media handles, for the live flags: "@name", a Reddit or Telegram link, a word after
"username is" or "Snapchat:", a group chat's name in quotes, and a made-up word (letters with
digits, dots or underscores) in a text that names a platform. Pure functions."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ctxtui.guard.hits import Hit
from ctxtui.guard.identifiers import REFERENCE, VEHICLE
from ctxtui.guard.word_lists import english_words

# "her username is kayzee": after these words any word that is no ordinary one is a handle
_NAMED_HANDLE = re.compile(
    r"(?i:\b(?:(?:handle|user\s?name|gamer\s?tag|screen\s?name)(?:\s+on\s+\w+)?\s*"
    r"(?:is|was|[:=]|(?=\s))|"
    r"(?:account|channel|page|profile)\s+(?:called|named))\s*)"
    r"([A-Za-z0-9_.]{3,30})(?<!\.)"
)
_HANDLE = re.compile(
    r"(?<![\w.@])@[A-Za-z0-9_](?:[A-Za-z0-9_.]{0,28}[A-Za-z0-9_])?"
    r"|(?i:(?<=insta\s)|(?<=snap\s)|(?<=is\s))@\s[a-z0-9_.]{3,30}\b"  # "insta is @ smallfern"
    r"|(?i:\b(?:u|r)/[A-Za-z0-9_-]{3,30}\b)"  # a Reddit user or group
    r"|(?<![\w@#.])[a-z0-9_.]{2,32}#\d{4}(?![\w#])"  # Discord: name#0000
    r"|(?i:\b(?:t\.me|twitch\.tv|(?:www\.)?(?:instagram|tiktok|snapchat|facebook|twitter|x|"
    r"youtube)\.com)/@?"
    r"[A-Za-z0-9_.]{3,30}[A-Za-z0-9_])"
)
_PLATFORM = re.compile(
    r"(?i:\b(?:snap(?:chat)?|sc|insta(?:gram)?|ig|tik\s?tok|telegram|discord|twitter|facebook|"
    r"fb|whatsapp|threads|youtube|twitch|xbox|psn|roblox|kik|reddit|account|profile|wizz|yubo|"
    r"bereal|omegle|hoop|monkey\s+app)\b)"
)
# a made-up word (letters with digits, dots or underscores) in a text that names a platform
_MADE_UP = re.compile(
    r"(?<![\w.@/-])(?=[A-Za-z0-9_.]*[A-Za-z]{3})(?=[A-Za-z0-9_.]*[\d_.])"
    r"[A-Za-z][A-Za-z0-9_.]{3,29}(?<![.])(?![\w@/-]|\.\w)"
)
_PLATFORM_HANDLE = re.compile(
    r"(?i:\b(?:snap(?:chat)?|sc|insta(?:gram)?|ig|tik\s?tok|tt|twitter|telegram|discord|"
    r"facebook|fb|whatsapp|wa|signal|"
    r"threads|youtube|twitch|xbox|xbl|psn|playstation|steam|roblox|fortnite|epic|kik|gamer\s?tag|"
    r"wizz|yubo|bereal|omegle|hoop)"
    r"(?:'s|’s)?(?:\s+(?:handle|user\s?name|username|name|account|account\s+name|id|user|page|"
    r"profile|tag|gamer\s?tag))?(?:\s+(?:is|was|called|named|as|(?:plays|posts|goes)\s+as)\s+|\s*[:=\-–]\s*|\s+))"
    r"(_*[A-Za-z][A-Za-z0-9_.-]*[\d_.#][A-Za-z0-9_.#]*(?<![.#]))"
)
_ACCOUNT_NAMED = re.compile(
    r"(?i:\b(?:snap(?:chat)?|insta(?:gram)?|tik\s?tok|twitter|telegram|discord|xbox|psn|"
    r"playstation|steam|roblox|fortnite|twitch|kik|ig|sc|youtube|yt)(?:'s|’s)?\s*"
    r"(?:(?:handle|user\s?name|user|name|account|acc|acct|id|tag|gamer\s?tag|channel|page)\b"
    r"(?:\s+name)?\s*"
    r"(?:is|was|[:=\-–])?|[:=\-–])\s*[\"“'‘]?)"
    r"([A-Za-z][A-Za-z0-9_.]{2,29})(?<!\.)"
)
# a group chat's name in quotes: "the WhatsApp group 'Northside Runners'"
_CHAT_GROUP = re.compile(
    r"(?i:\b(?:whatsapp|snap(?:chat)?|telegram|insta(?:gram)?|group\s?chat|gc|signal|discord)"
    r"\s+(?:group|grp|gc|chat|server|channel|community)\s+(?:called\s+|named\s+)?"
    # a chat named after "called", "renamed to", or "is": "their chat got renamed to …"
    r"|\bgroup\s?chat(?:['’]s)?(?:\s+name)?\s+(?:(?:is|was|has\s+been)\s+)?"
    r"(?:called|named|(?:changed|renamed)\s+to|renamed)\s+"
    r"|\bgroup\s?chat(?:['’]s)?(?:\s+name)?\s+(?:is|was)\s+)"
    r"['‘\"“]([^'’\"”]{2,40})['’\"”]"
)


def handles(text: str) -> Iterator[Hit]:
    for match in _HANDLE.finditer(text):
        yield Hit("handle", match.group(0), match.start(), match.end())
    for match in _NAMED_HANDLE.finditer(text):
        if match.group(1).lower() not in english_words():
            yield Hit("handle", match.group(1), match.start(1), match.end(1))
    for match in _PLATFORM_HANDLE.finditer(text):
        yield Hit("handle", match.group(1), match.start(1), match.end(1))
    for match in _ACCOUNT_NAMED.finditer(text):
        token = match.group(1)
        named = re.search(
            r"(?i:handle|name|user|acc|id|tag|channel|page)(?:\s+(?:is|was))?\W*$",
            match.group(0)[: match.start(1) - match.start()],
        )
        if token.lower() in english_words() or (not named and not _typed_as_handle(token)):
            continue  # after a bare dash or colon, only what looks typed as a handle
        yield Hit("handle", token, match.start(1), match.end(1))
    for match in _CHAT_GROUP.finditer(text):
        if match.group(1).lower() not in english_words():  # the chat "was 'mad'": what it was like
            yield Hit("handle", match.group(1), match.start(1), match.end(1))
    yield from _account_names(text)
    if _PLATFORM.search(text):
        for match in _MADE_UP.finditer(text):
            if _made_up(match.group(0)):
                yield Hit("handle", match.group(0), match.start(), match.end())


_APPS = (
    r"snap(?:chat)?|insta(?:gram)?|tik\s?tok|twitter|telegram|discord|youtube|twitch|roblox|"
    r"xbox|psn|kik|facebook|fb|threads|bereal|ig|yt"
)
_A_USER = r"([a-z][a-z0-9_.]{3,29})(?<!\.)\b"
# a word typed in lower case where only an account's name stands: "his snap is smallfern",
# "goes by kingpinz on insta", "added on snap by trapzlord"
_ON_A_PLATFORM = (
    re.compile(
        rf"(?i:\b(?:{_APPS})(?:\s+(?:name|account|page|channel))?\s+(?:is|was)"
        rf"(?:\s+called)?\s+){_A_USER}"
    ),
    re.compile(rf"(?i:\b(?:goes\s+by|known\s+as|posts\s+as)\s+){_A_USER}(?=\s+on\s+(?i:{_APPS}))"),
    re.compile(rf"(?i:\bon\s+(?:{_APPS})\s+(?:by|as|from)\s+){_A_USER}"),
    re.compile(
        rf"(?i:\b(?:goes\s+by|known\s+as|posts\s+as)\s+)[\"“'‘]{_A_USER}[\"”'’]\s+on\s+(?i:{_APPS})"
    ),
)
# what someone is called, then a word typed as only an account's name is: "goes by
# quill_88", "the page is called moss.side.fights"
_CALLED = re.compile(
    r"(?i:\b(?:goes|going|went|go)\s+by|\bknown\s+as|\bposts?\s+as|\bonline\s+as|"
    r"\bcalls?\s+(?:himself|herself|themselves)|\bcalled|\bnamed|\bunder\s+(?:the\s+)?name)"
    r"\s*[\"“'‘]?"
    r"([A-Za-z][A-Za-z0-9_.]*[\d_.][A-Za-z0-9_.]*)(?<!\.)"
)


def _account_names(text: str) -> Iterator[Hit]:
    """A word where only an account's name stands, or what someone goes by typed as one."""
    for pattern in _ON_A_PLATFORM:
        for match in pattern.finditer(text):
            if match.group(1).lower() not in english_words():
                yield Hit("handle", match.group(1), match.start(1), match.end(1))
    for match in _CALLED.finditer(text):
        token = match.group(1)
        if _made_up(token) and (re.search(r"[\d_]", token) or token.islower()):
            yield Hit("handle", token, match.start(1), match.end(1))


def _typed_as_handle(token: str) -> bool:
    """Begun in lower case, or holding a digit, a dot or an underscore: "snorklewave",
    "kay.z_9", "zZgullwingZz"; not "CSE" nor a capitalised name."""
    return token[:1].islower() or bool(re.search(r"[\d_.]", token))


def _made_up(token: str) -> bool:
    """A handle rather than a word, a number, a file, a plate or a reference."""
    lower = token.lower()
    if not re.search(r"[\d_]|\.\w", token):
        return False  # a word, a full stop after it
    if lower in english_words() or re.fullmatch(r"(?i:yp|y|year|yr|no|ref|id)\d*", lower):
        return False
    if "." in token and lower.rsplit(".", 1)[1] in _FILE_ENDINGS:
        return False
    return not (VEHICLE.fullmatch(token) or REFERENCE.fullmatch(token))


_FILE_ENDINGS = frozenset(
    ["txt", "doc", "docx", "pdf", "jpg", "png", "mp4", "csv", "xlsx", "com", "org", "net", "uk"]
)
