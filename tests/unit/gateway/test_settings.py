"""Settings: defaults, the TOML file, DOORSTEP_ environment overrides, and secrets kept out of files."""

from __future__ import annotations

from pathlib import Path

import pytest

from gateway.errors import ConfigError
from gateway.settings import load_settings, secret_keys

EXAMPLE = Path(__file__).resolve().parents[3] / "config.example.toml"


def test_defaults_are_the_embedded_default(monkeypatch):
    for name in ("DOORSTEP_DATABASE_URL", "DOORSTEP_API_KEY", "DOORSTEP_OUTBOX_DIR"):
        monkeypatch.delenv(name, raising=False)
    settings = load_settings()
    assert settings.database.url.startswith("sqlite+aiosqlite:///")
    assert settings.api.key is None
    assert settings.landlord.nation == "england"


def test_environment_overrides(monkeypatch, tmp_path):
    monkeypatch.setenv("DOORSTEP_DATABASE_URL", "postgresql+asyncpg://u@localhost/doorstep")
    monkeypatch.setenv("DOORSTEP_API_KEY", "s3cret")
    monkeypatch.setenv("DOORSTEP_OUTBOX_DIR", str(tmp_path / "out"))
    monkeypatch.setenv("DOORSTEP_TRIAGE_REVIEW_THRESHOLD", "0.75")
    monkeypatch.setenv("DOORSTEP_LANDLORD_NATION", "wales")
    settings = load_settings()
    assert settings.database.url == "postgresql+asyncpg://u@localhost/doorstep"
    assert settings.api.key.get_secret_value() == "s3cret"
    assert settings.outbox.dir == tmp_path / "out"
    assert settings.triage.review_threshold == 0.75
    assert settings.landlord.nation == "wales"


def test_environment_beats_file(monkeypatch, tmp_path):
    config = tmp_path / "doorstep.toml"
    config.write_text('[server]\nport = 9000\n[landlord]\nname = "Northfield Housing"\n')
    monkeypatch.setenv("DOORSTEP_SERVER_PORT", "9100")
    settings = load_settings(config)
    assert settings.server.port == 9100
    assert settings.landlord.name == "Northfield Housing"


def test_secret_in_file_is_refused(tmp_path):
    config = tmp_path / "doorstep.toml"
    config.write_text('[api]\nkey = "in-the-file"\n')
    with pytest.raises(ConfigError, match=r"\[api\] key is a secret.*DOORSTEP_API_KEY"):
        load_settings(config)


def test_failing_key_is_named(tmp_path):
    config = tmp_path / "doorstep.toml"
    config.write_text('[deadlines]\nack_working_days = 9\n[landlrod]\nname = "x"\n')
    with pytest.raises(ConfigError) as error:
        load_settings(config)
    assert "deadlines.ack_working_days" in str(error.value)
    assert "landlrod" in str(error.value)


def test_broken_toml_is_reported(tmp_path):
    config = tmp_path / "doorstep.toml"
    config.write_text("[server\n")
    with pytest.raises(ConfigError, match="doorstep.toml"):
        load_settings(config)


def test_example_config_documents_every_setting_and_loads():
    text = EXAMPLE.read_text()
    settings = load_settings(EXAMPLE)
    for section, model in settings:
        assert f"[{section}]" in text, section
        for key in type(model).model_fields:
            if (section, key) in secret_keys():
                assert secret_keys()[(section, key)] in text
            else:
                assert f"{key} =" in text, f"[{section}] {key} is not documented"


def test_public_url_has_a_short_variable(monkeypatch):
    monkeypatch.setenv("DOORSTEP_PUBLIC_URL", "https://doorstep.example.org")
    assert load_settings().server.public_url == "https://doorstep.example.org"
