"""The block stage's reading of a group of lines as one hard-wrapped paragraph
(`toolkit.encoding.blocks._wrapped`): a line ending on a word no sentence ends on (`in`,
`the`) is cut inside its sentence, even where the next line opens with a capital."""

from __future__ import annotations

from toolkit.encoding.blocks import split_blocks

WRAPPED = (
    "The bureau of the regional committee informed us that the harvest in\n"
    "Kherson was late. Comrade Stepan Ivanovich Bondar spoke at the plenum of the Central\n"
    "Committee of the party on the supply of fuel to the collective farms, but the minister,\n"
    "who had come from Kiev, said nothing of it.\n")


def numbers(text: str) -> list[list[int]]:
    return [[n for n, _ in block] for block in split_blocks(text)]


def test_lines_cut_after_a_function_word_and_before_a_capital_are_one_paragraph() -> None:
    # before: only the comma's cut counted, too few for four lines, and the line ending on
    # `Central` over `Committee` was a paragraph's end
    assert numbers(WRAPPED) == [[1, 2, 3, 4]]


def test_one_line_paragraphs_ending_sentences_stay_apart() -> None:
    text = ("The delegation arrived in the capital on the morning of the fifth of May.\n"
            "The talks began in the afternoon and went on until late in the evening.\n"
            "The minister received the ambassador on the next day at the ministry.\n")
    assert numbers(text) == [[1], [2], [3]]


def test_a_title_line_ending_on_a_function_word_does_not_make_a_list_wrapped() -> None:
    """Short lines (a title block) are never read as wraps, whatever they end on."""
    text = "JOURNAL\nof the Ambassador in\nPyongyang\n"
    assert numbers(text) == [[1], [2], [3]]
