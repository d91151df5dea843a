from aduan.core.tracking import (
    ALPHABET,
    hash_secret,
    new_tracking_number,
    normalize_tracking_number,
    secret_matches,
)


def test_tracking_numbers_avoid_characters_that_sound_or_look_alike():
    numbers = {new_tracking_number() for _ in range(2000)}
    assert len(numbers) == 2000
    for number in numbers:
        raw = number.replace("-", "")
        assert len(raw) == 10 and set(raw) <= set(ALPHABET)
        assert not set(raw) & set("01ILO")


def test_a_tracking_number_is_understood_however_it_is_typed():
    assert normalize_tracking_number("abcde 2345f") == "ABCDE-2345F"
    assert normalize_tracking_number(" ABCDE-2345F ") == "ABCDE-2345F"
    assert normalize_tracking_number("ABCDE") is None


def test_a_confidential_secret_only_opens_its_own_complaint():
    stored = hash_secret("ABCDE-2345F", "123456")
    assert secret_matches("ABCDE-2345F", "123456", stored)
    assert not secret_matches("ABCDE-2345F", "654321", stored)
    assert not secret_matches("ZZZZZ-2345F", "123456", stored)


def test_a_secret_is_keyed_so_the_table_alone_reveals_nothing(settings):
    import hashlib

    stored = hash_secret("ABCDE-2345F", "123456")
    assert "123456" not in stored and stored.startswith("hmac$")
    settings.SECRET_KEY = "another-deployment-" + "k" * 40
    assert not secret_matches("ABCDE-2345F", "123456", stored)  # without the key, no guess can be checked
    legacy = hashlib.pbkdf2_hmac("sha256", b"123456", b"ABCDE-2345F", 200_000).hex()
    assert secret_matches("ABCDE-2345F", "123456", legacy)  # hashes written before still open
