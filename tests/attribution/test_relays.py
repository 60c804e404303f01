"""Relay chains on sentences of real articles (the ANT sample, outside the dev stories): who relays whom in
"نقلت X عن Y قوله", "نسبت X إلى Y", "على لسان", "نقلت عنه X", "وفق ما نقلته عنه X", a statement given to an
agency, and when an outlet's anonymous sources are its own informants."""

from __future__ import annotations

import pytest

from tests.attribution.test_extract import attributions

RELAYED = [
    pytest.param(  # SK-internationalNews-98-20180223: "نسبت X إلى Y قوله", Y a name the recogniser does not know
        "ونسبت هيئة العدالة الجنائية بولاية تكساس إلى ويتيكر قوله: \"أشعر بالامتنان لهذا القرار، ليس من أجلي "
        "وإنما من أجل والدي\".", "ويتيكر", ["هيئة العدالة الجنائية"], id="attributed-to"),
    pytest.param(  # CN-middleEast-12-20180217: "على لسان X": in X's words
        "ونقلت وكالة الأنباء الإيرانية الرسمية على لسان صفوي قوله: \"تقسيم العراق وسوريا جزء من الأهداف "
        "الأمريكية\".", "صفوي", ["وكالة الأنباء الإيرانية الرسمية"], id="on-the-tongue-of"),
    pytest.param(  # BB-middleEast-27-20180212: a relative clause describes the relay before "عن"
        "ونقل متحدث باسم حزب الليكود اليميني الذي ينتمي إليه نتنياهو عن رئيس الوزراء قوله في اجتماع مع نواب "
        "الحزب بالبرلمان \"يمكنني القول إنني أتحدث مع الأمريكيين في هذا الشأن منذ فترة\".",
        "رئيس الوزراء", ["متحدث باسم حزب الليكود"], id="relay-described-by-a-relative-clause"),
    pytest.param(  # AL-internationalNews-345-20180304: the agency's name with its adjectives; an adviser cited
        "وقبل أيام نقلت وكالة يونهاب الكورية الجنوبية للأنباء عن مستشار أمني للرئاسة قوله إن من المقرر أن تبدأ "
        "الولايات المتحدة التدريبات المشتركة في أبريل/نيسان.", "مستشار أمني", ["وكالة يونهاب"], id="adviser"),
    pytest.param(  # BB-internationalNews-80-20180301: the media relay officials they do not vouch for
        "وفي عام 2011 نقلت وسائل إعلام يابانية عن مسؤولين قولهم إن كيم جونغ-أون وشقيقه جونغ تشول دخلا البلاد "
        "لزيارة طوكيو ديزني لاند بوثائق برازيلية منذ عام 1991.", "مسؤولين", ["وسائل إعلام"], id="media-cite-officials"),
    pytest.param(  # FR-middleEast-18-20180215: said to an agency, which is the relay
        "وقال المحامي جمال عيد لوكالة الأنباء الفرنسية إنه تم إطلاق سراح المساعدين الخمسة، بيد أن أبو الفتوح "
        "ظل قيد الاحتجاز.", "المحامي جمال عيد", ["وكالة الأنباء الفرنسية"], id="told-an-agency"),
    pytest.param(  # AL-internationalNews-367-20180306: the agency after the speaker's description
        "وقال داياسيري جاياسيكارا، المتحدث باسم حكومة سريلانكا لرويترز \"تقرر خلال اجتماع خاص لمجلس الوزراء "
        "إعلان حالة الطوارئ لمدة عشرة أيام\".", "داياسيري جاياسيكارا", ["رويترز"], id="agency-after-description"),
    pytest.param(  # BB-middleEast-167-20180310: "أحد سكان دوما" between commas, then the agency
        "ويقول بلال أبو صلاح، أحد سكان دوما، لرويترز، إن نقص المواد الأساسية ما زال حادا.",
        "بلال أبو صلاح، أحد سكان دوما", ["رويترز"], id="one-of-the-residents-then-agency"),
    pytest.param(  # BB-middleEast-20-20180214: where and how he spoke, then the agency
        "وقال ديمتري بيسكوف المتحدث باسم الكرملين في مؤتمر صحفي عبر الهاتف لرويترز إنه لايملك أي معلومات عن مثل "
        "هؤلاء القتلى.", "ديمتري بيسكوف", ["رويترز"], id="agency-after-role-and-place"),
    pytest.param(  # CN-middleEast-56-20180221: "وفقا لما نقلته X" after the statement relays it
        "في المقابل، هدد المتحدث باسم الرئاسة التركية إبراهيم قالن بأن المجموعات الموالية للنظام السوري، ستكون "
        "\"هدفا مشروعا للقوات التركية\" حال اتخاذها أي خطوة داعمة، وفقا لما نقلته وكالة الأنباء التركية الرسمية "
        "(الأناضول).", "المتحدث باسم الرئاسة التركية إبراهيم قالن", ["وكالة الأنباء التركية الرسمية (الأناضول)"],
        id="wifqan-lima-naqalathu"),
    pytest.param(  # CN-sport-68-20180305: a name the recogniser does not know, where he spoke, the agency after
        "وقال غلين خلال المؤتمر الصحفي الذي أعقب اجتماع المجلس الدولي لكرة القدم، إن الشعارات السياسية مرفوضة في "
        "عالم كرة القدم وفقا لما نقلته وكالة اسوشيتد برس.", "غلين", ["وكالة اسوشيتد برس"], id="bare-name-then-where"),
]


@pytest.mark.parametrize(("text", "speaker", "via"), RELAYED)
def test_the_cited_source_speaks_and_the_subject_relays(text: str, speaker: str, via: list[str]) -> None:
    (a, *_) = attributions(text)
    assert (a["speaker"], a["via"]) == (speaker, via), a


def test_the_words_follow_qawlahu() -> None:
    # AL-internationalNews-334-20180303: "عن X قوله إن": the content opens after "قوله"
    (a,) = attributions("نقلت وكالة يونهاب الكورية الجنوبية للأنباء عن مستشار أمني للرئاسة قوله إن من المقرر أن "
                        "تبدأ الولايات المتحدة التدريبات المشتركة في إبريل/نيسان.")
    assert a["content"].startswith("من المقرر") and a["stance"] == "predict"


def test_anhu_stands_for_the_speaker_just_quoted() -> None:
    # AL-internationalNews-336-20180303: "ونقلت عنه وكالة الأنباء الرسمية "انا" قوله": the minister speaks
    got = attributions(
        "صرح وكيل وزارة الخارجية اليوناني يورغوس كاتروغالوس للصحافيين، السبت، أن بلاده لا تعتزم مبادلة الجنديين "
        "اليونانيين اللذين تحتجزهما تركيا بثمانية جنود أتراك طلبوا اللجوء في اليونان.\n"
        "ونقلت عنه وكالة الأنباء الرسمية \"انا\" قوله \"هذه حادثة ليست غريبة. فمثل هذه الأمور تحصل على الحدود\".")
    last = got[-1]
    assert "كاتروغالوس" in last["speaker"] and last["via"] == ["وكالة الأنباء الرسمية"]
    assert last["content"].startswith("\"هذه حادثة")


def test_a_trailing_relay_with_anhu_joins_the_statement_before() -> None:
    # AL-internationalNews-426-20180311: "…، وفق ما نقلته عنه وكالة الأنباء اليمنية الرسمية"
    (a, *_) = attributions("وأكد المخلافي أن الحكومة الشرعية وضعت ميزانية للعام 2018 تتضمن صرف رواتب موظفي جهاز "
                           "الدولة، وفق ما نقلته عنه وكالة الأنباء اليمنية الرسمية.")
    assert a["speaker"] == "المخلافي" and a["via"] == ["وكالة الأنباء اليمنية"]


def test_sources_granted_anonymity_are_the_outlets_informants() -> None:
    # the seed pages' convention: an outlet's sources who "refused to be named" make the report the outlet's;
    # BB-internationalNews-80-20180301 above: sources not said to be granted anonymity speak themselves
    (a,) = attributions("ونقلت الصحيفة عن مسؤولين سوريين رفضوا الكشف عن أسمائهم أن التنسيق بدأ قبل عام.")
    assert a["speaker"] == "الصحيفة" and a["via"] == ["مسؤولين سوريين رفضوا الكشف عن أسمائهم"]


def test_wifqan_keeps_its_waw_and_the_words_stop_before_it() -> None:
    # "وفقا" is not "و" + "فقا": the trailing source is a relay and the statement's words end before it
    # BB-internationalNews-101-20180305
    (a,) = attributions("قال نائب وزير الخارجية الروسي، سيرغي ريابكوف، إن موسكو لديها أدلة على أن الولايات المتحدة "
                        "تحاول التدخل فى الانتخابات الرئاسية الروسية، وفقا لوكالة أنباء نوفوستي الروسية.")
    assert "ريابكوف" in a["speaker"] and a["via"] and a["content"].endswith("الرئاسية الروسية"), a


def test_lakinnahu_adds_a_statement_of_the_same_speaker_with_the_same_relay() -> None:
    # BB-culture-44-20180224 (told to an agency here): "…، لكنه أشار إلى أن …" is a second statement
    got = attributions("وقال موسكوفيتس لرويترز إن \"الحكومة الصينية تعد نفسها أبا للشعب الصيني\"، لكنه أشار أيضا "
                       "إلى أنه ليس من السهل القضاء على هذه الممارسات.")
    assert [(a["speaker"], a["via"]) for a in got] == [("موسكوفيتس", ["رويترز"])] * 2, got
    assert got[1]["content"].startswith("ليس من السهل") and "لكنه" not in got[0]["content"]


def test_nested_speech_with_a_long_subject() -> None:
    # the construction of BB-internationalNews-150-20180314 (a dev story) in other words, none being found
    # outside it: "وأضاف أن ممثل … في منظمة … رأى أنه …": the representative speaks, the speaker before relays
    got = attributions("وقال وزير الخارجية الروسي سيرغي لافروف إن بلاده مستعدة للتعاون. وأضاف أن ممثل المملكة "
                       "المتحدة في منظمة حظر الأسلحة الكيميائية رأى أنه لا حاجة لأن تشارك المنظمة في التحقيق.")
    assert got[-1]["speaker"].startswith("ممثل المملكة المتحدة") and "لافروف" in got[-1]["via"][0], got


def test_the_agency_named_before_is_the_relay() -> None:
    # BB-internationalNews-78-20180301: "للوكالة" is ISNA, named in the sentence before
    got = attributions("وعقب انتشار نبأ استقالة خادم، أعلن مجلسا المصارعة استقالة عدد كبير من أعضائهما، بحسب ما ذكرته "
                       "وكالة أنباء \"إسنا\" الإيرانية. وقال حسين ماراشيان، عضو لجنة المصارعة، للوكالة \"لقد ضحى "
                       "خادم بنفسه من أجل المصارعة\".")
    assert (got[-1]["speaker"], got[-1]["via"]) == ("حسين ماراشيان", ["الوكالة"]), got


def test_the_network_of_the_publishing_outlet_is_no_relay() -> None:
    # CN-internationalNews-92-20180311 (own set): "للشبكة التلفزيونية" in a CNN article is CNN itself
    got = attributions("صرحت نجمة الإباحية الأمريكية المعروفة باسم، ستورمي دانيلز، لشبكة CNN، بعد عرض للبالغين: \"إن "
                       "الاهتمام بي في أعلى مستوياته\". وقالت كليفورد للشبكة التلفزيونية: \"نعم الآن الطلب أكثر علي\".",
                       outlet="سي إن إن")
    assert got[-1]["via"] == [], got


def test_an_agency_with_its_name_in_quotation_marks() -> None:
    # AL-sport-313-20180228: 'بحسب معلومات وكالة الأنباء الألمانية "د.ب.أ"': the agency's name is not the words
    (a,) = attributions("أعلن المنتخب الألماني عن القائمة المبدئية لفريقه في بطولة كأس العالم 2018، بحسب معلومات وكالة "
                        "الأنباء الألمانية \"د.ب.أ\" .")
    assert "وكالة الأنباء الألمانية" in a["speaker"] and a["content"].startswith("أعلن المنتخب"), a


def test_a_name_the_recogniser_cut_short_before_a_comma() -> None:
    # AL-internationalNews-191-20180224: "عبد القادر شيخ كبير، وهو مسعف، إنهم …"
    (a,) = attributions("وقال عبد القادر شيخ كبير، وهو مسعف، إنهم \"نقلوا الليلة الماضية 18 جثة و20 مصابا\".")
    assert a["speaker"] == "عبد القادر شيخ كبير", a
