"""Machine-translated word order that moves the subject away from its verb."""


def test_subject_hung_on_the_auxiliary_still_speaks(quotes_of, one):
    # regression: the parser attaches the subject to "has" when words split it from "repeated";
    # the speaker fell back to the previous sentence's Sobel
    text = ("Sobel asked Aldenburg to bring the grain question to the council.\n\n"
            "The Aldorian foreign minister Dmitriy Volkhov has from Port Selvik again repeated that his "
            'country will decide on air cover "after the talks, not before".')
    assert one(quotes_of(text), "after the talks").speaker == "Dmitriy Volkhov"
