import pytest


@pytest.mark.parametrize(
    "url",
    [
        "/articles/99999999999999999999999/",
        "/articles/states/?ids=99999999999999999999999,1",
        "/articles/states/?ids=,,x,-1,1e9",
        "/articles/?page=99999999999999999999",
        "/articles/?page=-1",
        "/articles/?page=%00",
    ],
)
def test_odd_addresses_never_answer_500(editor_client, url):
    assert editor_client.get(url).status_code < 500


def test_rerunning_an_unknown_article_is_a_404(editor_client):
    assert editor_client.post("/articles/99999999999999999999999/reextract/").status_code == 404
