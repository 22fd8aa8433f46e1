"""Schemas built in code for the SQL tests: one using every feature, one of hostile names."""

from __future__ import annotations

from studio.model import Check, Column, EnumType, FkAction, ForeignKey, Index, Schema, Table


def col(table: str, name: str, type_: str, **kw: object) -> Column:
    return Column(id=f"col-{table}-{name}", name=name, type=type_, **kw)  # type: ignore[arg-type]


def rich_schema() -> Schema:
    """Enums, comments, composite keys, FK actions, a cycle, partial/unique indexes, checks, serials."""
    accounts = Table(
        id="tbl-accounts",
        name="accounts",
        comment="People's accounts",
        columns=[
            col("accounts", "id", "BIGSERIAL", nullable=False, primary_key=True),
            col("accounts", "email", "VARCHAR(320)", nullable=False, unique=True, comment="login; unique"),
            col("accounts", "state", "account_state", nullable=False, default="'active'"),
            col("accounts", "active", "BOOLEAN", nullable=False, default="true"),
            col("accounts", "settings", "JSONB"),
            col("accounts", "bio", "TEXT"),
            col("accounts", "balance", "DECIMAL(12, 2)", nullable=False, default="0"),
            col("accounts", "external_id", "UUID", default="gen_random_uuid()"),
            col("accounts", "created_at", "TIMESTAMP", nullable=False, default="now()"),
            col("accounts", "main_team_id", "BIGINT"),
        ],
        indexes=[
            Index(id="idx-accounts-bio", name="idx_accounts_bio", columns=["bio"]),
            Index(
                id="idx-accounts-live",
                name="idx_accounts_live",
                columns=["email", "created_at"],
                where="state <> 'closed'",
            ),
            Index(id="idx-accounts-ext", name="uq_accounts_external", columns=["external_id"], unique=True),
            Index(id="idx-accounts-team", name="idx_accounts_team", columns=["main_team_id"], method="hash"),
        ],
        foreign_keys=[
            ForeignKey(
                id="fk-accounts-team",
                name="fk_accounts_team",
                columns=["main_team_id"],
                ref_table="teams",
                ref_columns=["id"],
                on_delete=FkAction.SET_NULL,
            )
        ],
        checks=[Check(id="chk-accounts-balance", name="chk_accounts_balance", expression="balance >= 0")],
    )
    teams = Table(
        id="tbl-teams",
        name="teams",
        columns=[
            col("teams", "id", "BIGINT", nullable=False, primary_key=True),
            col("teams", "owner_id", "BIGINT", nullable=False),
            col("teams", "name", "VARCHAR(100)", nullable=False),
        ],
        foreign_keys=[
            ForeignKey(
                id="fk-teams-owner",
                name="fk_teams_owner",
                columns=["owner_id"],
                ref_table="accounts",
                ref_columns=["id"],
                on_delete=FkAction.CASCADE,
            )
        ],
    )
    members = Table(
        id="tbl-members",
        name="memberships",
        columns=[
            col("memberships", "team_id", "BIGINT", nullable=False, primary_key=True),
            col("memberships", "account_id", "BIGINT", nullable=False, primary_key=True),
            col("memberships", "role", "VARCHAR(20)", nullable=False, default="'member'"),
        ],
        indexes=[Index(id="idx-members-account", name="idx_memberships_account", columns=["account_id"])],
        foreign_keys=[
            ForeignKey(
                id="fk-members-team",
                name="fk_memberships_team",
                columns=["team_id"],
                ref_table="teams",
                ref_columns=["id"],
                on_delete=FkAction.CASCADE,
            ),
            ForeignKey(
                id="fk-members-account",
                name="fk_memberships_account",
                columns=["account_id"],
                ref_table="accounts",
                ref_columns=["id"],
                on_delete=FkAction.CASCADE,
            ),
        ],
        checks=[
            Check(
                id="chk-members-role", name="chk_memberships_role", expression="role IN ('member', 'admin')"
            )
        ],
    )
    return Schema(
        tables=[accounts, teams, members],
        enums=[EnumType(id="enum-state", name="account_state", values=["active", "suspended", "closed"])],
    )


#: Names that break naive DDL: quotes of every dialect, statement and comment syntax,
#: unicode, reserved words, spaces.
HOSTILE_NAMES = [
    'we"ird',
    "it's",
    "back`tick",
    "br]acket",
    "semi;colon",
    "dash--dash",
    "/*star*/",
    "名前",
    "Ünïcödé",
    "order",
    "select",
    "user",
    "Mixed Case",
    "drop table x",
]


def sql_string(text: str) -> str:
    """An SQL string literal of ``text`` (model defaults are SQL expressions)."""
    return "'" + text.replace("'", "''") + "'"


def hostile_schema() -> Schema:
    tables = []
    for i, name in enumerate(HOSTILE_NAMES):
        other = HOSTILE_NAMES[(i + 1) % len(HOSTILE_NAMES)]
        tables.append(
            Table(
                id=f"tbl-{i}",
                name=name,
                comment=f"comment of {name}",
                columns=[
                    Column(id=f"col-{i}-id", name="id", type="INTEGER", nullable=False, primary_key=True),
                    Column(
                        id=f"col-{i}-a",
                        name=name,
                        type="VARCHAR(50)",
                        comment=f"col {name}",
                        default=sql_string(name),
                    ),
                    Column(id=f"col-{i}-b", name=other, type="INTEGER"),
                ],
                indexes=[Index(id=f"idx-{i}", name=f"ix {name}", columns=[name, other])],
                foreign_keys=[
                    ForeignKey(
                        id=f"fk-{i}", name=f"fk {name}", columns=[other], ref_table=other, ref_columns=["id"]
                    )
                ],
            )
        )
    return Schema(tables=tables)
