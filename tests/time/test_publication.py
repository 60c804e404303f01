"""Inferring publication dates from events the corpus dates, and the events export."""

from datetime import date

from riwaya.model import Article
from riwaya.time.publication import infer, infer_corpus
from riwaya.time.stage import DatesStage


def article(text: str, published: str | None = None, basis: str | None = None, caption: str | None = None,
            part: int = 0) -> Article:
    meta = {"page": {"furniture": [{"kind": "caption", "text": caption}] if caption else []}}
    a = Article(text=text, source=f"t{hash(text)}", part=part, published=published, published_basis=basis, meta=meta)
    return DatesStage()(a)


VISIT_RELATIVE = ("وفي تطور لافت، زار رئيس الوزراء مقر الأمم المتحدة في جنيف يوم الإثنين الماضي، والتقى الأمين العام "
                  "للمنظمة في أول زيارة رسمية له إلى سويسرا.")
VISIT_CAPTION = "رئيس الوزراء يلتقي الأمين العام للأمم المتحدة في مقر المنظمة في جنيف، 10 نوفمبر 2025 (أ ف ب)"


def test_relative_weekday_dated_by_a_caption_elsewhere_in_the_corpus() -> None:
    undated = article(VISIT_RELATIVE)
    other = article("تحليل: ماذا تعني زيارة جنيف؟\nتتواصل ردود الفعل على الزيارة.", caption=VISIT_CAPTION)
    other.published, other.published_basis = "2025-11-12", "metadata"
    guesses = infer_corpus([undated, other])
    assert guesses[undated.id] == date(2025, 11, 11)  # the Monday was 10 November; published after it


def test_weekday_must_agree_with_the_dated_event() -> None:
    undated = article(VISIT_RELATIVE.replace("الإثنين", "الأربعاء"))
    other = article("نص آخر.", caption=VISIT_CAPTION)
    assert infer_corpus([undated, other]).get(undated.id) is None


def test_relative_and_partial_date_in_the_same_article_with_the_corpus_year() -> None:
    text = ("وتمثلت المحاولة الإرهابية في استهداف مقام السيدة زينب، وهو موقع مقدس، في 11 كانون الثاني/يناير الجاري.\n"
            "وقبل نحو أسبوعين، نجح جهاز الاستخبارات في إحباط محاولة لتنفيذ تفجير داخل مقام السيدة زينب جنوب العاصمة.")
    undated = article(text)
    dated = article("خبر آخر من المجموعة نفسها.", published="2025-03-02", basis="metadata")
    assert infer_corpus([undated, dated])[undated.id] == date(2025, 1, 25)


def test_latest_dated_day_gives_the_next_day() -> None:
    text = ("وأكد المبعوث في منشور على منصة إكس أن الزيارة تاريخية.\n"
            "This week marks a decisive turning point — Ambassador (@envoy) November 13, 2025")
    assert infer(article(text), [], None) == date(2025, 11, 14)


def test_current_month_keeps_the_guess_inside_it() -> None:
    text = ("وقال المتحدث إن العملية جرت في 31 كانون الثاني/يناير الجاري، بعد سلسلة هجمات بدأت في "
            "الخامس عشر من كانون الأول/ديسمبر 2024.")
    assert infer(article(text), [], 2025) == date(2025, 1, 31)


def test_nothing_to_go_on_gives_none() -> None:
    assert infer(article("قال مسؤولون إن المحادثات ستستمر."), [], 2025) is None


def test_page_dates_win_and_inferred_dates_are_marked() -> None:
    dated = article("زار الوزير المدينة أمس.", published="2025-05-02", basis="dateline")
    assert dated.id not in infer_corpus([dated])
    assert [s.attrs["date"] for s in dated.spans("dates")] == ["2025-05-01"]
