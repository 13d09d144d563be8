"""Names the registers do not hold, found by cues of the text itself.

Deterministic rules, no model: a title or honorific before a name (`Comrade Pak`,
`Ambassador Moskovsky`, `Cde. N. N. Name`), initials and a surname (`A. A. Gromyko`,
`/N. KUZNETSOV/`), Russian first name + patronymic + surname, East Asian names in their usual
romanised shapes (a family name of a closed list, then one or two given-name syllables:
`Kim Il Sung`, `Pak Seong-cheol`, `Mao Zedong`, `Chou En-lai`), a capitalised name before
`said`/`replied`..., and organisations by their head noun (`Ministry of Foreign Affairs`,
`Korean Workers' Party`, `Association for Trade with China`). Each rule gives spans and a
kind; which span wins where they overlap is decided by the tagger (longest first).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import NamedTuple

import ahocorasick

from toolkit.names.place_prefix import PLACE_PREFIX as PLACE_PREFIX  # (re-exported)
from toolkit.names.place_prefix import _PREFIX_WORDS as _PREFIX_WORDS
from toolkit.names.place_prefix import extend_place as extend_place

from toolkit.names.heads_first import extra_cues, gate_words
from toolkit.names.letters import _LOWER as _LOWER
from toolkit.names.letters import _UPPER as _UPPER
from toolkit.names.letters import APOS as APOS
from toolkit.names.letters import L as L
from toolkit.names.letters import U as U
from toolkit.names.letters import by_text_frequency

# Capitalised words that are not names (a name never contains one): function words,
# pronouns, titles, demonyms, common nouns of institutions, months and days.
# adjectives of states and peoples: not names, and what tells one state's institution from
# another's (`Soviet Council of Ministers`)
DEMONYMS = frozenset("""
Soviet Soviets Chinese Korean Koreans Hungarian Hungarians American Americans Vietnamese Japanese
Russian Russians Polish Czech Czechoslovak Slovak German Germans Mongolian Cuban Albanian Romanian
Rumanian Bulgarian Yugoslav Indian British English French Italian Spanish Asian African European
""".split())
NOT_NAMES = DEMONYMS | frozenset("""
A An The This That These Those Their There They Them He She His Her Him It Its We Our Us I You
Your Who Whom Whose Which What When Where Why How In On At By For From With Without And Or But
Nor As If Then Than Thereupon Therefore However Moreover Finally Also After Before During Since
Until While Though Although Because So Yet Still Now Here Today Yesterday Tomorrow Later Meanwhile
Besides Furthermore Thus Hence Nevertheless Otherwise Hereby Officially True Apart Secondly Firstly
Thirdly Lastly Next Some Many Most All Both Each Every No Not Only Other Another Such Several One
Two Three Four Five Six Seven Eight Nine Ten First Second Third Last Please Dear Yours Respectfully
Comrade Comrades Cde Cdes Mr Mrs Ms Dr Mme Messrs Herr Frau Sir Madam Tovarishch Ambassador
Ambassadors Minister Ministers President Premier Chairman Chairwoman Marshal General Generals
Colonel Lieutenant Major Captain Admiral Secretary Deputy Vice Counsellor Counselor Consul Attache
Attaché Chargé Charge Professor Prof Director Head Leader Leaders Chief Commander Officer Envoy
Delegate Delegation Member Members Interpreter Correspondent Editor Premier Prime King Queen Prince
Emperor Pope Bishop Father Saint St Princess Shah Chancellor Senator Brigadier Federal
Western Eastern Northern Southern Socialist Communist Communists Democratic People's Peoples
Republic Republics Party Parties Government Governments Committee Council Ministry Embassy Union
State States Army Navy Assembly Congress Conference Treaty Declaration Agreement Office Bureau
Department Commission Presidium Politburo Secretariat Central Supreme National International
Foreign Affairs Internal Security Defense Defence Trade Foundation Association Agency Institute
University Academy League Federation Organization Organisation Front Bank Society Company
Corporation Legation Consulate Station Radio Press News Times Daily Review Report Memorandum
Record Conversation Note Notes Telegram Letter Minutes Document Translation Summary Citation
Credits Contents Subject Copy Top Secret Confidential Strictly Urgent Attachment Enclosure Source
January February March April May June July August September October November December Monday
Tuesday Wednesday Thursday Friday Saturday Sunday Christmas Easter New Year Day Week Month
God Lord Marxism Marxist Leninism Leninist Marxism-Leninism Socialism Communism Imperialism
North South East West Far Middle Near Great Greater Little Upper Lower Inner Outer Peninsula
Gulf Sea Ocean River Lake Mount Mountains Island Islands Street Square Hotel Palace Hall Kremlin
Heights Valley Desert Plateau Canal Darya Castle Programme Program
Excellency Excellencies Highness Majesty Annex Annexes Appendix Appendices Article Chapter
Avenue Boulevard Road Lane Bridge Embankment Prospekt Prospect Quay Highway Stadium Airport
Genosse Genossin Genossen Camarada Camaradas Compañero Compañera Companheiro Towarzysz Elvtárs
Soudruh Soudružka Drugar Madame Mademoiselle Monsieur Señor Señora Sheikh Shaikh
Lt Lieut Maj Brig Col Gen Capt Adm Sgt Col.-Gen Lt.-Gen Maj.-Gen Lt.-Col Ato Woizero Weizero
Crisis War Revolution Movement Plan Year Years Congress Plenum Session Meeting Talks Negotiations
""".split())

_WORD = rf"{U}{L}*(?:[{APOS}]{L}*)?(?:-{U}?{L}+)*"           # Kosygin, O'Brien, Il-sung, Seong-cheol
_CAPS = rf"{U}{{2,}}(?:-{U}{{2,}})*"                     # KUZNETSOV
_INITIALS = rf"(?:{U}\.\s?){{1,3}}"                      # A. A. / N.S.
# an Arabic article joined to a name (`al-Hadithi`, `el-Sadat`)
_ARTICLE = rf"(?:a[lnrstdz]|el|ash|ud)-{_WORD}"
_NAMEWORD = rf"(?!{U}\.)(?:{_WORD}|{_CAPS}|{_ARTICLE})"  # an initial is not a name word  # stop words are cut off afterwards (see _trim)
# particles inside a name: `Max van der Stoel`, `Karl von Bergen`, `Zayed bin Sultan`
PARTICLES = "van|von|der|den|de|da|do|dos|das|del|della|di|du|la|zu|ter|ten|bin|ibn|bint|y"
_JOINT = rf"\s(?:(?:{PARTICLES})\s){{0,2}}"
# initials after the family name, as Russian lists write them (`Gromyko A. A.`)
_INITIALS_AFTER = rf"(?:\s{U}{L}?\.(?:\s?{U}{L}?\.){{0,2}}(?![\w{APOS}-]))?"
_NAME = rf"(?:{_INITIALS}\s?)?{_NAMEWORD}(?:{_JOINT}{_NAMEWORD}){{0,3}}{_INITIALS_AFTER}"

TITLES = (r"Comrades?|Cdes?\.|Mr\.?|Mrs\.?|Ms\.?|Dr\.?|Messrs\.?|Mme\.?|Herr|Frau|Tovarishch|"
          r"Genossin|Genossen?|Camaradas?|Compañer[oa]|Companheir[oa]|Towarzysz|Elvtárs|Soudruh|"
          r"Madame|Monsieur|Señora?|Sheikh|Shaikh|"
          # military ranks abbreviated (`Lt. Col.`, `Maj. Gen.`, `Col.-Gen.`: the last word is
          # the one before the name) and Amharic honorifics (`Ato`, Mr.; `Woizero`, Mrs.)
          r"(?:Col|Lt|Maj)\.-(?:Gen|Col)\.|Lt\.|Lieut\.|Maj\.|Brig\.|Col\.|Gen\.|Capt\.|Adm\.|Sgt\.|"
          r"Ato|Woizero|Weizero|"
          r"[Aa]mbassadors?|[Mm]inisters?|[Pp]resident|[Pp]remier|[Cc]hairman|[Cc]hairwoman|"
          r"[Mm]arshal|General|Colonel|Lieutenant|Major|Captain|Admiral|King|Queen|Prince|Princess|Emperor|"
          r"Shah|Sultan|Emir|[Ss]ecretary|[Dd]eputy|"
          r"[Vv]ice[- ](?:[Pp]remier|[Cc]hairman|[Pp]resident|[Mm]inister)|[Cc]ounsell?ors?|"
          r"[Cc]onsul|[Aa]ttach[eé]|[Cc]harg[eé] d'[Aa]ffaires|Professor|Prof\.|[Dd]irector|"
          r"[Cc]ommander|[Ee]nvoy|[Ii]nterpreter|[Cc]orrespondent|Chancellor|Senator|Brigadier")
SPEECH = (r"said|says|replied|stated|declared|noted|added|asked|answered|emphasi[sz]ed|remarked|"
          r"explained|stressed|pointed out|told|informed|announced|agreed|responded|continued|"
          r"went on|objected|suggested|proposed|expressed|mentioned|underlined|observed|insisted")

KOREAN = ("Kim|Pak|Park|Ri|Lee|Yi|Choe|Choi|Chong|Jong|Jeong|Jang|Han|Kang|Hong|Nam|Yun|Hwang|"
          "Mun|Ryu|Cho|Baek|Paek|Shin|Sin|Chae|Kwon|Ham|Rim|Ryom|Hyon|Hyun|Kye|Pyon|Seo|Suh|"
          "Bae|Pae|Jon|Chon|Jeon|Kim|Yon|Yom|Tak|Ok|Won|Im|Ro|Roh")
CHINESE = ("Mao|Zhou|Chou|Liu|Deng|Teng|Zhu|Chen|Ch'en|Peng|P'eng|Lin|Wang|Li|Zhang|Chang|Kang|"
           "K'ang|Dong|Tung|Hua|Jiang|Chiang|Yang|Huang|Zhao|Chao|Wu|Hu|Guo|Kuo|Luo|Gao|Kao|Ye|"
           "Yeh|Xu|Hsu|Tan|T'an|Qiao|Chiao|Geng|Keng|Ji|Chi|Pan|Tao|Bo|Po|Su|Xie|Hsieh|Rao|Jao|"
           "Ulanhu|Nie|Nieh|Luo|Lo|Wen|Zeng|Tseng|Yao|Ke|K'o|Xi|Hsi|Shen|Lu|Ma|Song|Sung|Cai|Tsai|"
           "Hao|Qian|Kong|Cao|Feng|Fu|Hou|Jia|Lei|Liang|Pang|Qin|Ren|Shi|Tang|Tian|Wei|Xiao|Xiong|"
           "Xue|Yan|Yu|Yuan|Zhong|Zou|Bai|Cheng|Dai|Gong|Huo|Liao|Meng|Qiu|Shao|Xia|Xing|Zhuang")
VIETNAMESE_NAMES = "Nguyen|Pham|Tran|Hoang|Truong|Vo|Dang|Bui|Ngo|Duong|Phan|Ho|Le"
# `Ho` only in Ho Chi Minh; `Le` not before the French papers and towns
VIETNAMESE = (VIETNAMESE_NAMES.replace("|Ho|", "|Ho(?= Chi Minh)|")
              .replace("|Le", r"|Le(?! (?:Monde|Figaro|Havre|Mans|Bourget|Temps|Matin)\b)"))
# Usual first names of the period's politicians and diplomats (a first name and a capitalised
# word after it make a person: `Alexander Dubček`, `Konstantin Katushev`)
FIRST_NAMES = frozenset("""
Alexander Aleksandr Alexei Aleksei Alexey Anastas Anatoly Anatoli Andrei Andrey Boris Dmitri
Dmitry Dmitrii Fyodor Gennady Georgi Georgy Grigory Ivan Konstantin Leonid Mikhail Nikita Nikolai
Nikolay Pavel Pyotr Petr Sergei Sergey Valentin Valery Vasily Vasili Viktor Vladimir Vyacheslav
Yakov Yegor Yevgeny Yuri Yury Andropov Lavrenty Kliment Mikhail Semyon Arkady Ilya Oleg Igor
Jerzy Józef Jozef Władysław Wladyslaw Edward Wojciech Zenon Stanisław Stanislaw Tadeusz Adam
János Janos József Jozsef Gyula Ferenc Imre Mátyás Matyas Károly Karoly Béla Bela Jenő Jeno
Lajos Antonín Antonin Alexander Gustáv Gustav Ludvík Ludvik Václav Vaclav Klement Jiří Jiri
Walter Erich Willi Otto Horst Hermann Kurt Werner Friedrich Heinrich Wilhelm Konrad Willy Ulrich
Todor Georgi Zhivkov Gheorghe Nicolae Ion Emil Josip Edvard Enver Mehmet Fidel Raúl Raul Ernesto
Che Carlos Osvaldo Salvador Juan José Jose Luis John Dean Lyndon Richard Henry Dwight Robert
Charles Harold Georges Maurice Jawaharlal Indira Gamal Sukarno Norodom Souphanouvong Kaysone
Mohammed Ahmed Ali Hafez Yasser Kwame Julius Kenneth Patrice Sékou Sekou Modibo Houari
Salah Anwar Saddam Hosni Muammar Faisal Hussein Khalid Abdel Abdul Murtada Tariq Zayed Habib
Agostinho Amílcar Amilcar Samora Armando Eduardo Marcelino Aristides Nelson Oliver
Max Karl Hans Inge Oskar Günter Gunter Egon Lothar Helmut Franz Ludwig Peter Paul
Oldřich Alois Bohuslav Vasil Lubomír Miloš Zdeněk Jaroslav Josef Karel František Jan Miroslav
Vítězslav Rudolf Stefan Henryk Kazimierz Mieczysław Zbigniew Ryszard Andrzej Marian Lech
Bolesław Piotr Krzysztof Marek István László Sándor Zoltán Gábor Péter Miklós Frigyes Dezső
Árpád Antal Tibor Pál Géza Rezső Kálmán Günther Gerhard Heinz Erwin Fritz Manfred Joachim
Dieter Jürgen Klaus Rainer Wolfgang Harry Siegfried Alfred Bruno Axel Eberhard Ernst Georg
Johannes Rolf Theodor Vasile Ilie Constantin Ştefan Mircea Manea Corneliu Petar Dimitar Stanko
Mladen Pencho Milovan Stane Mitja Veljko Dragoslav Lazar Branko Sam Samuel William James George
Thomas Michael David Averell Cyrus Gerald Jimmy Ronald Margaret Jacques Valéry François Michel
Pierre Jean Raymond Louis Jorge Pedro Manuel Antonio Francisco Miguel Rafael Alfonso Augusto
Lúcio Paulo Mário Álvaro Joaquim Luís Daniel Humberto Tomás Muhammad Mohammad Mohamed Ahmad
Hassan Omar Yusuf Ibrahim Ismail Abdallah Jamal Kamal Mahmoud Mustafa Nasser Rashid Sami Walid
Rifaat Taha Izzat Tarek Fuad Chedli Babrak Hafizullah Jomo Milton Joshua Thabo Moses Seretse
Léopold Félix Eisaku Takeo Masayoshi Yasuhiro Shigeru Nobusuke Hayato Zenko
""".split())
_FIRST = "|".join(sorted(FIRST_NAMES, key=len, reverse=True))
# a romanised given name: a syllable or two (Il Sung, Zedong), or hyphenated (Seong-cheol, En-lai)
_SYLL = rf"{U}{L}{{0,7}}(?:[{APOS}]{L}{{1,5}})?"
_GIVEN = rf"(?:{_SYLL}-{L}{{1,7}}|{_SYLL}(?:\s{_SYLL}(?![\w{APOS}-]))?)"

ORG_HEADS = (r"Party|Ministry|Committee|Embassy|Association|Council|Agency|Front|Army|Bank|"
             r"Institute|University|Academy|League|Federation|Organi[sz]ation|Office|Bureau|"
             r"Commission|Assembly|Congress|Presidium|Politburo|Secretariat|Department|Legation|"
             r"Consulate|Society|Corporation|Company|Foundation|Union|Guard|Navy|Command|"
             r"Parliament|Court|Service|Cooperative|Alliance|Movement|Directorate|Administration|"
             r"Youth|Radio|Agency|Trust|Fund|Board|Archives?|Centre|Center|Nations|Mission|"
             r"Representation|Works|Forces|Community|Pact|Programme|Program|"
             # parliaments by their own names (`the Sejm`, `Great People's Khural`)
             r"Sejm|Khural|Knesset|Bundestag|Volkskammer|Duma|Storting|Riksdag|Folketing|"
             r"Eduskunta|Sobranie|Majlis|Cortes|Althing|"
             # newspapers by the word for newspaper (`Rodong Sinmun`, `Renmin Ribao`), the Red Cross
             r"Sinmun|Ilbo|Shimbun|Ribao|Cross|Crescent")
# a parliament's name alone is an organisation's (`the Sejm`)
PARLIAMENTS = frozenset("Sejm Khural Knesset Bundestag Volkskammer Duma Storting Riksdag Folketing "
                        "Eduskunta Sobranie Majlis Cortes Althing Politburo Comintern Cominform Diet Congress".split())
_TITLE_WORDS = (r"(?:Comrades?|Ambassadors?|Ministers?|President|Premier|Chairman|Chairwoman|"
                r"Marshal|General|Secretary|Deputy|Director|Head|Leader|Chief|Commander|Envoy|"
                r"Delegation|Member|Members)\b")
# (`the` or `a` after the tail's preposition: `Movement for a United Europe`, no place inside)
# a word of an organisation's name: capitalised, not a sentence's opening function word, not a
# title, not a possessive (`the Soviet Union's Council`), save the usual `People's`, `Workers'`
_ORG_MOD = (rf"(?!(?:The|This|That|These|Those|In|On|At|By|For|From|With|And|But|As|If|When|After|"
            rf"Before|Then|Thereupon|Comrades?|Mr|Mrs|A|An|It|He|She|They|We|I)\b)(?!{_TITLE_WORDS})"
            rf"(?!(?!People|Women|Children|Men){U}[\w.&-]*[{APOS}]s\b){U}(?:[\w{APOS}&-]|\.(?=\w))*")
# a German street's name in one word (`Adenauerallee`, `Prinz-Georg-Straße`): a place
_STREET_WORD = rf"{U}[\w-]*(?:[Aa]llee|[Ss]tra(?:ß|ss)e|[Pp]latz|[Gg]asse|[Dd]amm|[Cc]haussee|[Uu]fer|(?<=\w\w\w)see)"
# (a street is where an organisation is, not part of its name: `Foreign Office on the Adenauerallee`)
# two abstract nouns joined by `and` end a tail (`of Control and Supervision`, `of Trade and
# Industry`): a noun of such an ending is no person's or place's name
_ABSTRACT = (rf"{U}(?:{L}|-)+(?:ion|ions|ment|ity|ities|ence|ance|ure|ing|ship|ics|ry|gy|ism|cy)"
             # a conference's region after the two (`Security and Co-operation in Europe`)
             rf"(?:\sin\s{_WORD})?")
_ORG_TAIL = (rf"(?:\s(?:of|for|with|on)(?:\sthe|\sa(?=\s{U}))?(?:\s(?!{_STREET_WORD}(?![\w{APOS}-])){_ORG_MOD}){{1,4}}"
             rf"(?:\sand\s{_ABSTRACT}(?![\w{APOS}-]))?)")


class Cue(NamedTuple):
    """(A named tuple, not a frozen dataclass: made tens of times per report, a tuple costs
    a third as much.)"""

    start: int
    end: int
    kind: str  # person | place | org
    rule: str  # which cue found it (for the review list and proposals)
    strength: int  # 1 strong (title, initials), 2 a name's shape, 3 weak (a speech verb only)


_LOWER_TITLES = "|".join(t for t in TITLES.split("|") if t.startswith("["))
_UPPER_TITLES = TITLES.replace("[Aa]", "A").replace("[Mm]", "M").replace("[Pp]", "P").replace(
    "[Cc]", "C").replace("[Ss]", "S").replace("[Dd]", "D").replace("[Vv]", "V").replace(
    "[Ee]", "E").replace("[Ii]", "I")
_LOWER_TITLES = _LOWER_TITLES.replace("[Aa]", "a").replace("[Mm]", "m").replace("[Pp]", "p").replace(
    "[Cc]", "c").replace("[Ss]", "s").replace("[Dd]", "d").replace("[Vv]", "v").replace(
    "[Ee]", "e").replace("[Ii]", "i")
_END = rf"(?![\w{APOS}-])"

# Rules tried only where a capitalised word starts (most of a text is not a name: matching
# only there keeps recognition fast), then rules searched through the whole text.
_AT_CAPITALS: list[tuple[re.Pattern[str], str, str, int]] = [
    (re.compile(rf"(?:{_UPPER_TITLES})\s(?P<n>{_NAME}){_END}"), "person", "title", 1),
    (re.compile(rf"(?P<n>{_INITIALS}\s?(?:{_WORD}|{_CAPS})){_END}"), "person", "initials", 1),
    (re.compile(rf"(?P<n>(?:{_FIRST})\s(?:{U}\.\s)?(?:(?:{PARTICLES})\s){{0,2}}{_NAMEWORD}"
                rf"(?:{_JOINT}{_NAMEWORD})?){_END}"),
     "person", "first-name", 1),
    (re.compile(rf"(?P<n>{_WORD}\s{_WORD}(?:ovich|evich|ich|ovna|evna|ichna)\s{_WORD}){_END}"),
     "person", "patronymic", 1),
    (re.compile(rf"(?P<n>(?:{KOREAN})\s{_GIVEN}){_END}"), "person", "korean", 2),
    (re.compile(rf"(?P<n>(?:{CHINESE})\s{_GIVEN}){_END}"), "person", "chinese", 2),
    (re.compile(rf"(?P<n>(?:{VIETNAMESE})\s{_SYLL}(?:\s{_SYLL}){{0,2}}){_END}"), "person", "vietnamese", 2),
    (re.compile(rf"(?<![\w{APOS}.-])(?P<n>{_NAME})(?:,\s[^,.;:]{{1,60}},|,)?\s(?:also\s|then\s|again\s|further\s|"
                rf"finally\s|had\s)?(?:{SPEECH})\b"), "person", "speech-before", 3),
    (re.compile(rf"(?P<n>(?:{_ORG_MOD}\s){{1,5}}(?:{ORG_HEADS}){_ORG_TAIL}{{0,3}}"
                rf"|(?:{ORG_HEADS}){_ORG_TAIL}{{1,3}}){_END}"), "org", "org-head", 2),
]
_SIGNATURE = re.compile(rf"/(?P<n>(?:{_INITIALS}\s?)?{_CAPS}(?:\s{_CAPS}){{0,2}})/")


_TOKEN = re.compile(r"[^\s]+")
# rules whose name is the words before a verb keep the last run of name words; the others
# (a name after a title, a family name and given names) keep the first run
_TRAILING = {"speech-before", "lower-place-head"}


def _trim(text: str, start: int, end: int, rule: str) -> tuple[int, int] | None:
    """The span without the capitalised words that are not names (`Comrade`, `Soviet`,
    `Party`): the first (or last) run of name words, None if there is none (or if that run
    does not open, or close, the span)."""
    if rule in _TRAILING:
        begin = finish = -1
        for token in _TOKEN.finditer(text, start, end):
            if _not_a_name(token.group()):
                begin = -1
            else:
                if begin < 0:
                    begin = token.start()
                finish = token.end()
        if begin < 0 or finish != end:
            return None
    else:
        tokens = _TOKEN.finditer(text, start, end)
        first = next(tokens, None)
        if first is None or first.start() != start or _not_a_name(first.group()):
            return None
        begin, finish = start, first.end()
        for token in tokens:
            if _not_a_name(token.group()):
                break
            finish = token.end()
    if text[finish - 2:finish] in ("'s", "’s"):
        finish -= 2  # Moskovsky's successor: the name without the possessive
    if _INITIALS_ONLY.fullmatch(text, begin, finish):
        return None  # initials alone
    return begin, finish


_INITIALS_ONLY = re.compile(r"(?:\w\.\s?)+")


def _not_a_name(token: str) -> bool:
    # an initial (`\w\.`) keeps its full stop; tested without a regex call: ~60 tokens a report
    initial = len(token) == 2 and token[1] == "." and word_char(token[0])
    word = token if initial else token.rstrip(".")
    return word in NOT_NAMES or word.partition("-")[0] in NOT_NAMES


_SURNAMES = {rule: frozenset(re.sub(r"\(\?=[^)]*\)", "", names).split("|"))
             for rule, names in (("korean", KOREAN), ("chinese", CHINESE), ("vietnamese", VIETNAMESE_NAMES))}
_TITLE_FIRST = frozenset("""Comrade Comrades Cde Cdes Mr Mrs Ms Dr Messrs Mme Herr Frau Tovarishch
Genosse Genossin Genossen Camarada Camaradas Compañero Compañera Companheiro Companheira Towarzysz
Elvtárs Soudruh Madame Monsieur Señor Señora Sheikh Shaikh
Ambassador Ambassadors Minister Ministers President Premier Chairman Chairwoman Marshal General
Colonel Lieutenant Major Captain Admiral King Queen Prince Princess Emperor Shah Sultan Emir
Secretary Deputy Vice Vice-Premier Vice-Chairman
Vice-President Vice-Minister Counsellor Counselor Counsellors Counselors Consul Attaché Attache
Chargé Charge Professor Prof Director Commander Envoy Interpreter Correspondent
Lt Lieut Maj Brig Col Gen Capt Adm Sgt Col.-Gen Lt.-Gen Maj.-Gen Lt.-Col Ato Woizero Weizero
Chancellor Senator Brigadier""".split())
_ABBREVIATED_RANKS = frozenset("Lt Lieut Maj Brig Col Gen Capt Adm Sgt Col.-Gen Lt.-Gen Maj.-Gen Lt.-Col".split())
_RULE = {rule: (pattern, kind, strength) for pattern, kind, rule, strength in _AT_CAPITALS}


_PATRONYMIC = re.compile(rf"(?<![\w{APOS}.-]){U}{L}+\s{U}{L}+(?:ovich|evich|ich|ovna|evna|ichna)\s")
# Mongolian names: a patronymic in the genitive, then the given name (`Yumjaagiin Tsedenbal`)
_MONGOLIAN = re.compile(rf"(?<![\w{APOS}.-])(?P<n>{U}{L}+(?:iin|yn)\s{U}{L}{{2,}}){_END}")
# Arabic names: `Abd`/`Abdul`/`Abu` and a name (`Abd al-Halim Khaddam`), names ending with an
# article (`Murtada al-Hadithi`, `Zayed bin Sultan al-Nahyan`), or joined by `bin`/`ibn` (`Saud
# bin Faisal`: a lower-case `bin` between two capitalised words is no English word)
_ARABIC = re.compile(rf"(?<![\w{APOS}.-])(?P<n>(?:Abd|Abdel|Abdul|Abu)\s(?:(?:al|el|ul)-)?{U}{L}+"
                     rf"(?:\s{_WORD}(?![\w{APOS}-]))?|{_WORD}(?:(?:\s(?:bin|ibn|bint)\s{_WORD})+"
                     rf"(?:\s{_ARTICLE})?|\s{_ARTICLE})){_END}")
_ARTICLE_AT = re.compile(rf"(?:a[lnrstdz]|el|ash|ud)-{U}")
# a place by its head noun (`South Pyongan Province`, `Primorsky Krai`)
PLACE_HEADS = ("Province|Region|District|County|Oblast|Prefecture|Krai|Governorate|Territory|"
               # a street, square, bridge... is a place, never a person (`Tran Phu Street`)
               "Street|Square|Avenue|Boulevard|Road|Lane|Bridge|Embankment|Prospekt|Quay|Highway|"
               # land forms (`Golan Heights`)
               "Heights|Hills|Valley|Desert|Plateau|Canal|"
               # a palace, river, lake (`Menelik Palace`, `Amu Darya`: `darya` is Persian for river)
               "Palace|River|Lake|Mountains|Darya|Stadium|Castle")
_PLACE_HEAD_WORDS = tuple(PLACE_HEADS.split("|"))
# a head is a whole word (`\b(?:{PLACE_HEADS})(?![\w'’-])`), found by the trigger pass
_PLACE_NAME = re.compile(rf"(?P<n>(?:{_ORG_MOD}\s){{1,3}}(?:{PLACE_HEADS})){_END}")
# an acronym in running text (`SED`, `MfAA`, `CC CPSU`): two to five capitals, a lower-case
# letter between two of them at most once each; a run of words in capitals beside it is a
# heading or a signature, not an acronym (see _acronyms)
# (no look-behind first: the scan then tests each capital, not each character)
_ACRONYM = re.compile(r"[A-Z](?:[a-z]?[A-Z]){1,6}(?![\w'’/-])")
# six or seven capitals (`FRELIMO`) are an acronym only between words in lower case: alone on a
# line they are a heading (`JOURNAL`, `MINUTES`)
_LONG_ACRONYM = 6
_LOWER_WORD_BEFORE = re.compile(r"[a-z]+\s$")
_LOWER_WORD_AFTER = re.compile(r"\s[a-z]")
_CC_BEFORE = re.compile(r"CC\s(?:of\sthe\s)?$")
_CAPS_BESIDE = re.compile(rf"{U}{{2,}}\s*$|^\s*{U}{{2,}}")
# acronyms of states are places; roman numerals and the words in capitals of reports are none
STATE_ACRONYMS = frozenset("""GDR DDR FRG BRD ROK UAR MPR CSSR ČSSR SFRY SFRJ PRL NRB SRR DRA DPRK DRV
PRC SRV PDRY YAR LPDR PRK""".split())
_NOT_ACRONYMS = frozenset("""TOP SECRET COPY NO NB PS OK AM PM TO FROM RE DATE TEL ATTN URGENT
DRAFT MEMO NOTE ANNEX END PAGE THE AND OF IN ON FOR BY AT IS IT AS AN OR BUT NOT DEAR ORDER
SENT VIA FAX CC BCC TIME CABLE FLASH REPLY PARA ENDS STOP QUOTE ITEM NOTES EYES ONLY TEXT
CODE CLEAR INFO FINAL FIRST DATED PLAIN ALSO WITH THIS THAT""".split())  # a cable's own words
_ROMAN = re.compile(r"[IVXLCDM]+")


def _acronyms(text: str) -> Iterator[Cue]:
    """The acronyms of organisations (and states) in a text in mixed case."""
    for match in _ACRONYM.finditer(text):
        start, end = match.span()
        if start and (text[start - 1] in "'’./-" or word_char(text[start - 1])):
            continue
        word = match.group()
        if word in _NOT_ACRONYMS or _ROMAN.fullmatch(word):
            continue
        if sum(c.isupper() for c in word) >= _LONG_ACRONYM and not (
                _LOWER_WORD_BEFORE.search(text, max(0, start - 30), start)
                and _LOWER_WORD_AFTER.match(text, end)):
            continue
        cc = _CC_BEFORE.search(text, max(0, start - 10), start)
        if cc is not None and (cc.start() == 0 or not word_char(text[cc.start() - 1])):
            start = cc.start()  # `CC CPSU`, `CC of the KWP`: the Central Committee's
        if (cc is None and _CAPS_BESIDE.search(text, max(0, start - 30), start)) or _CAPS_BESIDE.match(
                text[end:end + 30]):
            continue  # `TOP SECRET`, `/N. KOSYGIN/`: words in capitals, not an acronym
        kind = "place" if word in STATE_ACRONYMS else "org"
        yield Cue(start, end, kind, "acronym", 2)


# a plural title before a list of names (`Comrades Szabó, Nagy and Kiss`)
_PLURAL_TITLES = frozenset("Comrades Cdes Messrs Ambassadors Ministers Counsellors Counselors "
                           "Generals Secretaries".split())
# offices in the plural after `of`: the end of an institution's name (`Council of Ministers`,
# `Conference of Ambassadors`), never a title before a person's name
_OFFICES = frozenset("Ambassadors Ministers Counsellors Counselors Generals Secretaries".split())
# a name's particles before a capital (`van der Stoel`): a capital follows, as the rules need
_PARTICLE_NEXT = re.compile(rf"(?:(?:{PARTICLES})\s){{1,2}}{U}")
_PARTICLE_INITIALS = frozenset(p[0] for p in PARTICLES.split("|"))
_OF_BEFORE = re.compile(r"\bof\s(?:the\s)?$")
_NAME_AT = re.compile(rf"{_NAME}{_END}")
_LIST_NEXT = re.compile(r",\s(?:and\s)?|\sand\s")


def _listed(text: str, position: int) -> Iterator[tuple[int, int]]:
    """The names of a list that starts at `position`: `A, B, C and D`; it ends at the first
    item that is not a name alone."""
    for _ in range(20):
        match = _NAME_AT.match(text, position)
        trimmed = _trim(text, match.start(), match.end(), "title") if match else None
        if match is None or trimmed is None:
            return
        yield trimmed
        following = _LIST_NEXT.match(text, match.end())
        if trimmed[1] != match.end() or following is None:
            return
        position = following.end()
# lower-case titles (`the ambassador Ivanov`); not the abbreviations, which are never written so
_LOWER_TITLE_WORDS = frozenset(w.lower() for w in _TITLE_FIRST - _ABBREVIATED_RANKS - {"Ato"} if w.lower() not in (
    "general", "captain", "major", "mr", "mrs", "ms", "dr", "mme", "messrs", "cde", "cdes", "prof", "herr",
    "frau"))  # (`the major Powers`: an adjective)


# rules that do nothing unless a capital follows the word after one space
_CAPITAL_NEXT = frozenset({"title", "korean", "chinese", "vietnamese", "first-name", "lower-title"})
_RULE_ORDER = ("title", "lower-title", "korean", "chinese", "vietnamese", "speech", "head",
               "first-name", "initials")


_PLACE_HEAD_RULES = ("place-head",)  # a trigger's rules, told apart by identity
_NO_RULES: tuple[str, ...] = ()  # a gate's key only


def _trigger_automaton(gate_keys: dict[str, str]) -> ahocorasick.Automaton:
    """Words where a rule can start or that a rule needs, found in one pass of the text.
    A word's rules are tried in the order of _RULE_ORDER, whatever the string hash seed
    (`Kang` is a Korean and a Chinese family name: which rule names it must not vary from
    one run to the next). The same pass finds the keys of `gate_keys` (substrings, not
    whole words: see _gate_keys), each value's fifth field its gate (None for the others):
    two automata's passes cost twice as much as one."""
    keys: dict[str, set[str]] = {}
    for word in _TITLE_FIRST:
        keys.setdefault(word, set()).add("title")
    for word in _LOWER_TITLE_WORDS:
        keys.setdefault(word, set()).add("lower-title")
    for rule, names in _SURNAMES.items():
        for name in names:
            keys.setdefault(name, set()).add(rule)
    for verb in re.sub(r"emphasi\[sz\]ed", "emphasised|emphasized", SPEECH).split("|"):
        keys.setdefault(verb, set()).add("speech")
    for head in re.sub(r"Organi\[sz\]ation", "Organisation|Organization",
                       ORG_HEADS.replace("Archives?", "Archive|Archives")).split("|"):
        keys.setdefault(head, set()).add("head")
    for name in FIRST_NAMES:
        keys.setdefault(name, set()).add("first-name")
    for letter in _UPPER:
        if letter.isascii():  # the others: _RARE_INITIAL
            keys.setdefault(letter + ".", set()).add("initials")
    words: list[tuple[str, tuple[int, tuple[str, ...], bool, bool, str | None]]] = []
    for key, rules in sorted(keys.items()):
        words.append((key, (len(key), tuple(sorted(rules, key=_RULE_ORDER.index)),
                            "initials" not in rules, all(rule in _CAPITAL_NEXT for rule in rules),
                            gate_keys.get(key))))  # (a parliament's name is both: `Sejm`)
    for head in _PLACE_HEAD_WORDS:  # found by the same pass, kept apart (see find_cues)
        assert head not in keys and head not in gate_keys, head
        words.append((head, (len(head), _PLACE_HEAD_RULES, True, False, None)))
    for key, gate in gate_keys.items():
        if key not in keys:
            words.append((key, (len(key), _NO_RULES, False, False, gate)))
    # added in the order of how often a text has their letters (lower case and space first):
    # a node's children are searched one by one in the order they were added, and in the
    # old order (capitals first) every lower-case letter of a text passed the root's 26
    # capitals before its own child (the pass: -30 %). What the pass finds, and in what
    # order, does not depend on the order of adding.
    automaton = ahocorasick.Automaton()
    for key, value in sorted(words, key=lambda word: by_text_frequency(word[0])):
        automaton.add_word(key, value)
    automaton.make_automaton()
    return automaton



# Initials in a capital outside ASCII (`Ž.`), found apart: as keys of the automaton they made
# its root node ~200 children long, and pyahocorasick searches a node's children one by one
# for each character of the text (the scan was 5x slower)
_RARE_INITIAL = re.compile("[" + "".join(c for c in _UPPER if not c.isascii()) + r"]\.")
_INITIAL_TRIGGER = (2, ("initials",), False, False, None)
_WORD_START = re.compile(rf"(?<![\w{APOS}.-]){U}")
_UPPER_CHAR = re.compile(U)
_LOWER_TITLE = re.compile(rf"(?:{_LOWER_TITLES})\s(?P<n>{_NAME}){_END}")
# What no organisation's name holds (its words are capitalised words of word characters,
# apostrophes, `&`, hyphens and inner full stops, or of/for/with/on/the, one white space
# between two): a name that reaches the head noun starts after the last of these before it,
# so the costly pattern is tried only there (the names found are the same)
_ORG_BLOCKER = re.compile(rf"[^\w{APOS}&.\s-]|\.(?!\w)|\s\s|(?<=\s)(?!{U}|(?:of|for|with|on|the)\s)\S")
# The last blocker before a head, in one match: `.*` runs to the end and backs off to the
# rightmost place a blocker starts, instead of listing every blocker of the 90 characters.
# (Where finditer would end its last blocker one character sooner, inside a run of white
# space that `\s\s` pairs, the capitals after it are the same: white space is none.)
_LAST_ORG_BLOCKER = re.compile(rf"(?s:.*)(?:{_ORG_BLOCKER.pattern})")
_SPEECH_AFTER = re.compile(rf"(?:{SPEECH})\s(?P<n>{_NAME}){_END}")


def find_cues(text: str) -> list[Cue]:
    """Every span a cue rule marks as a name (overlaps are the caller's). Each rule is tried
    only where it can match: after a title word, at initials or a family name of the lists,
    before or after a speech verb, around an organisation's head noun. One pass of an
    Aho–Corasick automaton finds those places, so recognition stays linear and costs little
    where there are no names. (The order of the spans is part of the result: at equal length
    and strength the tagger keeps the first.)"""
    found: list[tuple[re.Match[str], str, str, int]] = []
    seen: set[tuple[int, int]] = set()
    heads_done: set[int] = set()
    listed: list[Cue] = []
    size = len(text)
    gates: set[str] = set()  # the gates of _GATED the text opens
    offices: list[int] = []  # where an office after a name can start
    words: set[str] = set()  # the other gates: words find_cues' own searches need
    triggers: Iterable[tuple[int, tuple[int, tuple[str, ...], bool, bool, str | None]]] = _TRIGGERS.iter(text)
    if not text.isascii() and _RARE_INITIAL.search(text):  # in the automaton's order (by end)
        triggers = sorted([*triggers, *((m.end() - 1, _INITIAL_TRIGGER) for m in _RARE_INITIAL.finditer(text))],
                          key=_last)
    place_heads: list[tuple[int, int]] = []
    for last, (length, rules, whole_word, only_before_capital, gate) in triggers:
        start, end = last + 1 - length, last + 1
        if gate is not None:
            if gate == "office":
                offices.append(start)
            elif gate in _GATED:
                gates.add(gate)
            else:
                words.add(gate)
            if rules is _NO_RULES:
                continue
        if rules is _PLACE_HEAD_RULES:  # a place's head noun, as a whole word
            if not (start and word_char(text[start - 1])) and not (
                    end < size and (text[end] in "'’-" or word_char(text[end]))):
                place_heads.append((start, end))
            continue
        if start:
            previous = text[start - 1]
            if previous in "'’.-" or previous.isalnum():
                continue
        if whole_word and end < size:
            following = text[end]
            if following in "'’-" or following.isalnum():
                continue
        # a rule that starts a name at or after the word needs a capital after one space
        after = end + 1 if text[end:end + 1] == "." else end
        capital_next = text[after:after + 1] == " " and (text[after + 1:after + 2].isupper() or (
            text[after + 1:after + 2] in _PARTICLE_INITIALS and _PARTICLE_NEXT.match(text, after + 1) is not None))
        if only_before_capital and not capital_next:
            continue  # (every rule of the word needs it)
        for rule in rules:
            if rule in _NAME_AFTER:
                if rule == "title" and text[start:end] in _OFFICES and _OF_BEFORE.search(
                        text, max(0, start - 8), start):
                    continue  # `Council of Ministers DECREES`: an institution's name, no title
                if capital_next:
                    pattern, kind, strength = _RULE[rule]
                    match = pattern.match(text, start)
                    if match:
                        found.append((match, kind, rule, strength))
                    if rule == "title" and text[start:end] in _PLURAL_TITLES:
                        listed.extend(Cue(a, b, "person", "title", 1) for a, b in _listed(text, after + 1))
            elif rule == "initials":
                if text.startswith(_POSTSCRIPTS, start) and (start == 0 or text[start - 1] == "\n"):
                    continue  # `P.S. Berg asks`: a postscript, no initials
                match = _INITIALS_RULE.match(text, start)
                if match:
                    found.append((match, "person", "initials", 1))
            elif rule == "lower-title":
                match = _LOWER_TITLE.match(text, start) if capital_next else None
                if match:
                    found.append((match, "person", "title", 1))
            elif rule == "speech":
                capital = _UPPER_CHAR.search(text, max(0, start - 120), start)
                match = _SPEECH_BEFORE.search(text, capital.start(), end) if capital else None
                while match is not None and match.end() != end:
                    match = _SPEECH_BEFORE.search(text, match.start() + 1, end)
                if match:
                    found.append((match, "person", "speech-before", 3))
                spoken = _SPEECH_AFTER.match(text, start) if capital_next else None
                if spoken:
                    found.append((spoken, "person", "speech", 3))
            elif rule == "head" and start not in heads_done:
                heads_done.add(start)
                begin = max(0, start - 90)
                blocker = _LAST_ORG_BLOCKER.match(text, begin, start)
                if blocker is not None:
                    begin = blocker.end()  # no name running on to the head starts before
                for capital in _WORD_START.finditer(text, begin, start + 1):
                    match = _ORG_RULE.match(text, capital.start())
                    if match and match.end() > start and match.span() not in seen:
                        seen.add(match.span())
                        found.append((match, "org", "org-head", 2))
                        break
    if "patronymic" in words:
        for patronymic in _PATRONYMIC.finditer(text):
            match = _PATRONYMIC_RULE.match(text, patronymic.start())
            if match:
                found.append((match, "person", "patronymic", 1))
    # (each searched only when a word it needs is in the text, as the trigger pass found:
    # most texts have none of these words)
    if "place-of" in words:
        for match in _PLACE_OF.finditer(text):
            found.append((match, "place", "place-of", 2))
    if "lower-head" in words and _LOWER_HEAD_WORD.search(text):
        for match in _LOWER_PLACE_HEAD.finditer(text):
            found.append((match, "place", "lower-place-head", 2))
        for match in _LOWER_PLACE_PAIR.finditer(text):
            found.append((match, "place", "lower-place-head", 2))
    if gates or offices:  # (most texts open none)
        found.extend(_more_cues(text, gates, offices))
    if "street" in words and _STREET_SUFFIX.search(text):
        for match in _STREET.finditer(text):
            found.append((match, "place", "place-head", 2))
    if "newspaper" in words:
        for match in _NEWSPAPER.finditer(text):
            found.append((match, "org", "newspaper", 2))
    if "/" in text:
        for match in _SIGNATURE.finditer(text):
            found.append((match, "person", "signature", 1))
    if "arabic" in words or ("-" in text and _ARTICLE_AT.search(text)):
        for match in _ARABIC.finditer(text):
            found.append((match, "person", "arabic", 2))
    if "mongolian" in words:
        for match in _MONGOLIAN.finditer(text):
            found.append((match, "person", "mongolian", 2))
    # the place heads of the trigger pass, in their order (a search of their own, or a test
    # of each of their words first, cost more: most texts have none)
    for head_start, head_end in place_heads:
        for capital in _WORD_START.finditer(text, max(0, head_start - 60), head_start):
            match = _PLACE_NAME.match(text, capital.start())
            if match and match.end() == head_end:
                found.append((match, "place", "place-head", 2))
                break
    cues = listed
    if words and not words.isdisjoint(_EXTRA_GATES):
        cues.extend(Cue(*found) for found in extra_cues(text, words, NOT_NAMES))
    if not text.isupper():  # (a text in capitals is read by the cues in mixed case)
        cues.extend(_acronyms(text))
    for match, kind, rule, strength in found:
        start, end = match.span("n")
        if kind == "person" or rule in _TRIMMED:
            trimmed = _trim(text, start, end, rule)
            if trimmed is None:
                continue
            start, end = trimmed
            if rule == "lower-place-head":
                start = extend_place(text, start)  # `South Moravian region`: the compass word's
        elif rule == "org-head" and text[start:start + 1] in "FSTE123456789" and _ORDINAL_UNIT.fullmatch(
                text, start, end):
            continue  # `Third Department`: a ministry's unit by its number, no name
        cues.append(Cue(start, end, kind, _RULE_NAME.get(rule, rule), strength))
    return cues


def _last(trigger: tuple[int, object]) -> int:
    return trigger[0]


def word_char(char: str) -> bool:
    """`re`'s `\\w` for one character of a str."""
    return char.isalnum() or char == "_"


# rules that match a name starting at their trigger word and need a capital after it
_NAME_AFTER = frozenset({"title", "korean", "chinese", "vietnamese", "first-name"})
_INITIALS_RULE = _RULE["initials"][0]
_SPEECH_BEFORE = _RULE["speech-before"][0]
_ORG_RULE = _RULE["org-head"][0]
_PATRONYMIC_RULE = _RULE["patronymic"][0]
_RULE_NAME = {"speech-before": "speech", "lower-place-head": "place-head"}
_POSTSCRIPTS = ("P.S.", "P.P.S.", "P. S.")
# places by a common noun in lower case: `the town of Dong Ha`, `the port of Assab` (before the
# name), `Quang Tri province` (after it, outside the name); their words trimmed as a person's
_PLACE_NOUNS = r"town|city|port|village|province|region|district|island|harbour|capital|county"
_PLACE_WORDS = rf"{_WORD}(?:\s{_WORD}){{0,2}}"
_PLACE_OF_WORDS = tuple(f"{noun} of " for noun in _PLACE_NOUNS.split("|"))
_LOWER_HEAD_WORDS = (" province", " region", " district", " oblast", " prefecture", " county",
                     " aimag", " valley", " river", " delta", " front")
_STREET_SUFFIXES = ("llee", "traße", "trasse", "latz", "asse", "amm", "haussee", "fer", "see")
_NEWSPAPER_WORDS = ("newspaper ", "daily ", "weekly ", "magazine ", "journal ")
_PLACE_OF = re.compile(rf"\b(?:{_PLACE_NOUNS})\sof\s(?P<n>{_PLACE_WORDS}){_END}")
_LOWER_HEADS = ("provinces?|regions?|districts?|oblasts?|prefectures?|county|counties|aimags?|valley|"
                # a river, a delta, a front by its place (`the Nakfa front`: its front line)
                "rivers?|delta|front")
_LOWER_HEAD_WORD = re.compile(rf"[A-Za-z] (?:{_LOWER_HEADS})\b")
# the first of two places before a plural head (`Dornod and Khövsgöl aimags`)
_LOWER_PLACE_PAIR = re.compile(
    rf"(?<![\w{APOS}.-])(?P<n>{_WORD}(?:\s{_WORD})?)(?:,\s|\sand\s)(?={_PLACE_WORDS}\s"
    rf"(?:provinces|regions|districts|oblasts|prefectures|counties|aimags)\b)")
_LOWER_PLACE_HEAD = re.compile(
    rf"(?<![\w{APOS}.-])(?P<n>{_PLACE_WORDS})\s(?:{_LOWER_HEADS})\b")
_STREET_SUFFIX = re.compile(r"(?:allee|tra(?:ß|ss)e|platz|gasse|damm|chaussee|ufer|\wsee)\b", re.IGNORECASE)
_STREET = re.compile(rf"(?<![\w{APOS}.-])(?P<n>{_STREET_WORD}){_END}")
# a newspaper or agency by the noun before it: `the newspaper Nodong Sinmun`, `De Waarheid`
_NEWSPAPER = re.compile(rf"\b(?:newspaper|daily|weekly|magazine|journal)\s"
                        rf"(?P<n>{_WORD}(?:\s{_WORD}){{0,2}}){_END}")
# Cues of the period's names that the rules above miss, each searched only when a word it
# needs is in the text:
# a parliament by its own name alone (`the Sejm`)
_PARLIAMENT = re.compile(rf"(?<![\w{APOS}.-])(?P<n>{'|'.join(sorted(PARLIAMENTS))}){_END}")
# Persian and Arabic words for party, society, movement, front (`Hezb-i Islami`, `Jamiat-i Islami`)
_PARTY_WORDS = ("Hezb", "Hizb", "Jamiat", "Harakat", "Jabhat", "Ittehad")
_FOREIGN_PARTY = re.compile(rf"(?<![\w{APOS}.-])(?P<n>(?:{'|'.join(_PARTY_WORDS)})(?:-[a-z]{{1,2}})?"
                            rf"\s{_WORD}(?:\s{_WORD})?){_END}")
# a city's treaty as the alliance (`the Warsaw Treaty member states`), not the document
_ALLIANCE = re.compile(rf"(?<![\w{APOS}.-])(?P<n>{U}{L}+\sTreaty)(?=\s(?:member|countries|states|"
                       rf"allies|armies|forces|Organi[sz]ation)\b)")
# a state by its adjective and its form (`Hungarian People's Republic`, `Syrian Arab Republic`)
_DEMONYM_LIKE = rf"{U}{L}+(?:an|ian|ese|ish|ak|ic|i|ch)"
_STATE_FORM = re.compile(rf"(?<![\w{APOS}.-])(?P<n>{_DEMONYM_LIKE}\s(?:(?:People[{APOS}]s|Democratic|"
                         rf"Socialist|Soviet|Arab|Federal|Popular|Islamic)\s){{0,3}}Republic){_END}")
# a person after a people's adjective and a role in lower case (`the Cuban general Arnaldo
# Ochoa`, `the Japanese journalist N. Name`): what `the general` alone cannot tell
_ROLES = ("general|journalist|writer|poet|leader|diplomat|officer|colonel|captain|admiral|"
          "spokesman|dissident|economist|historian|scientist|priest|bishop|cardinal|businessman|"
          "banker|publisher|politician|trade unionist|guerrilla leader")
_ROLE_WORDS = tuple(f" {role} " for role in _ROLES.split("|"))
_ROLE_NAME = re.compile(rf"(?<![\w{APOS}.-])(?P<d>{_DEMONYM_LIKE})\s(?:{_ROLES})\s(?P<n>{_NAME}){_END}")


# an office of a ministry by its number (`Third Department`, `Fourth Territorial Department`):
# an internal unit, no organisation's name (unless a tail names whose it is)
_ORDINAL_UNIT = re.compile(r"(?:First|Second|Third|Fourth|Fifth|Sixth|Seventh|Eighth|Ninth|Tenth|"
                           r"\d{1,2}(?:st|nd|rd|th))\s(?:[A-Z][a-z]+\s)?(?:Department|Section|Division|Directorate)")
# a government by its own form (`Provisional Revolutionary Government of the Republic of South
# Vietnam`, `Royal Government of Laos`): `the Soviet Government` stays a common noun
_GOVERNMENT = re.compile(rf"(?<![\w{APOS}.-])(?P<n>(?:Provisional|Revolutionary|Royal|Transitional|Federal)"
                         rf"\s(?:{_ORG_MOD}\s){{0,3}}Government{_ORG_TAIL}{{0,3}}){_END}")
# an acronym joined to its party's form (`MPLA-Party of Labour`)
_ACRONYM_PARTY = re.compile(rf"(?<![\w{APOS}.-])(?P<n>[A-Z]{{2,7}}-(?:Party|Movement|Front)"
                            rf"(?:\sof\s(?:the\s)?{_WORD})?){_END}")
# a standing conference by what it is on (`Conference on Security and Co-operation in Europe`)
_CONFERENCE = re.compile(rf"(?<![\w{APOS}.-])(?P<n>(?:{_ORG_MOD}\s){{0,2}}Conference(?=\son\s){_ORG_TAIL}{{1,2}}){_END}")
# a radio by its city or name (`Radio Hanoi`, `Radio Free Europe`)
_RADIO = re.compile(rf"(?<![\w{APOS}.-])(?P<n>Radio\s(?:Free\s)?{_WORD}){_END}")


# a name of two words or more before its office (`Farouk Kaddoumi, head of the Political
# Department`): a weak cue, below a place of the gazetteer (`Addis Ababa, the head of`)
# The words each of those cues needs are found in one pass of an automaton (a test of each word
# in turn cost a tenth of a report's conversion)
_OFFICES_AFTER = ("head chairman member secretary minister leader director president chief "
                  "commander deputy vice-chairman vice-president first secretary|general secretary|"
                  "secretary-general editor envoy representative spokesman")
_NAME_BEFORE = re.compile(rf"(?<![\w{APOS}.-])(?P<n>{_NAMEWORD}(?:{_JOINT}{_NAMEWORD}){{1,3}})$")


def _gate_keys() -> dict[str, str]:
    """The substrings that open the gated cues, each with its gate: a gate of _GATED, an
    office after a name (`office`), or a word of find_cues' own searches. Found by the
    trigger pass (_TRIGGERS)."""
    keys: dict[str, str] = {}
    for word in PARLIAMENTS:
        keys[word] = "parliament"
    for word in _PARTY_WORDS:
        keys[word] = "party"
    keys.update({"Government": "government", "-Party": "acronym-party", "-Movement": "acronym-party",
                 "-Front": "acronym-party", "Conference on ": "conference", "Radio ": "radio",
                 " Treaty ": "alliance", "Republic": "state"})
    for role in _ROLE_WORDS:
        keys[role] = "role"
    for office in re.split(r"[ |](?![a-z]+\|)", _OFFICES_AFTER.replace(" secretary|", "_secretary|")):
        office = office.replace("_", " ")
        for form in {office, office[:1].upper() + office[1:], office.title()}:
            keys[f", {form} of"] = keys[f", the {form} of"] = "office"
    # the words of find_cues' own searches (a key of two of them would need two gates)
    for gate, words in (("patronymic", ("vich", "vna")), ("place-of", _PLACE_OF_WORDS),
                        ("lower-head", _LOWER_HEAD_WORDS), ("street", _STREET_SUFFIXES),
                        ("newspaper", _NEWSPAPER_WORDS), ("arabic", ("Abd", "Abu", " bin ", " ibn ")),
                        ("mongolian", ("iin ", "yn "))):
        for word in words:
            assert word not in keys, word
            keys[word] = gate
    for word, gate in gate_words():  # toolkit/names/heads_first.py
        assert word not in keys, word
        keys[word] = gate
    return keys


_GATED: dict[str, tuple[re.Pattern[str], str, str, int]] = {
    "parliament": (_PARLIAMENT, "org", "org-head", 2), "party": (_FOREIGN_PARTY, "org", "org-head", 2),
    "government": (_GOVERNMENT, "org", "org-head", 2),
    "acronym-party": (_ACRONYM_PARTY, "org", "org-head", 2),
    "conference": (_CONFERENCE, "org", "org-head", 2), "radio": (_RADIO, "org", "org-head", 2),
    "alliance": (_ALLIANCE, "org", "org-head", 2), "state": (_STATE_FORM, "place", "state-form", 2),
    "role": (_ROLE_NAME, "person", "title", 1)}


_TRIGGERS = _trigger_automaton(_gate_keys())
_EXTRA_GATES = frozenset(gate for _, gate in gate_words())


def _more_cues(text: str, gates: set[str], offices: list[int]) -> Iterator[tuple[re.Match[str], str, str, int]]:
    """The matches of the cues above, as find_cues collects them (`gates`, the gates of
    _GATED the text opens; `offices`, where an office after a name can start)."""
    for gate in sorted(gates):  # (in a fixed order: the order of cues is part of the result)
        pattern, kind, rule, strength = _GATED[gate]
        for match in pattern.finditer(text):
            name = match.group("n").split()
            if gate == "radio" and name[-1] in NOT_NAMES:
                continue
            if gate == "state" and name[0] in NOT_NAMES and name[0] not in DEMONYMS:
                continue
            yield match, kind, rule, strength
    for comma in dict.fromkeys(offices):
        before = _NAME_BEFORE.search(text, max(0, comma - 80), comma)
        if before:
            yield before, "person", "office-after", 3


# rules whose span is cut to its name words as a person's is (`In Quang Tri province`)
_TRIMMED = frozenset({"place-of", "lower-place-head", "newspaper"})

