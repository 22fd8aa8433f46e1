"""Headings and fixed labels of the exported design document, in English and Korean.

The document's language is chosen per design (it travels with the design, not with the
user's interface language), so exports of one design read the same on every machine.
The section keys are those of ``studio.export.document.SECTIONS``; ``labels`` covers the
fixed words around user text (table headers, phase and week captions). No Qt here: the
command line exports without a window.
"""

from __future__ import annotations

DOCUMENT_LANGUAGES: dict[str, str] = {"en": "English", "ko": "한국어"}

SECTION_HEADINGS: dict[str, dict[str, str]] = {
    "en": {
        "system": "System diagram",
        "schema": "Database schema",
        "api": "API specification",
        "stack": "Technology stack",
        "scaling": "Scalability strategy",
        "security": "Security design",
        "roadmap": "Implementation priorities",
        "caching": "Caching strategy",
        "monitoring": "Monitoring",
        "decisions": "Key decisions",
        "considerations": "Considerations",
        "performance": "Expected performance",
        "risks": "Risks found by lint",
    },
    "ko": {
        "system": "시스템 다이어그램",
        "schema": "데이터베이스 스키마",
        "api": "API 명세",
        "stack": "기술 스택",
        "scaling": "확장 전략",
        "security": "보안 설계",
        "roadmap": "구현 우선순위",
        "caching": "캐싱 전략",
        "monitoring": "모니터링",
        "decisions": "주요 결정",
        "considerations": "고려 사항",
        "performance": "예상 성능",
        "risks": "린트가 찾은 위험",
    },
}

LABELS: dict[str, dict[str, str]] = {
    "en": {
        "contents": "Contents",
        "users_at_launch": "Users at launch",
        "users_targeted": "Users targeted",
        "architecture_style": "Architecture style",
        "why_this_style": "Why this style:",
        "component": "Component",
        "kind": "Kind",
        "technology": "Technology",
        "instances": "Instances",
        "boundary": "Boundary",
        "description": "Description",
        "from": "From",
        "to": "To",
        "protocol": "Protocol",
        "label": "Label",
        "column": "Column",
        "type": "Type",
        "null": "Null",
        "default": "Default",
        "keys": "Keys",
        "comment": "Comment",
        "no_tables": "No tables yet.",
        "method": "Method",
        "path": "Path",
        "summary": "Summary",
        "auth": "Auth",
        "service": "Service",
        "layer": "Layer",
        "choice": "Choice",
        "alternatives": "Alternatives",
        "not_chosen": "Not chosen yet.",
        "phase": "Phase {n}: {name} ({users} users)",
        "weeks": "Weeks {start}–{end}: {name}",
        "yes": "yes",
        "no": "no",
    },
    "ko": {
        "contents": "목차",
        "users_at_launch": "출시 시 사용자",
        "users_targeted": "목표 사용자",
        "architecture_style": "아키텍처 스타일",
        "why_this_style": "이 스타일을 고른 이유:",
        "component": "구성 요소",
        "kind": "종류",
        "technology": "기술",
        "instances": "인스턴스",
        "boundary": "경계",
        "description": "설명",
        "from": "출발",
        "to": "도착",
        "protocol": "프로토콜",
        "label": "레이블",
        "column": "열",
        "type": "타입",
        "null": "NULL 허용",
        "default": "기본값",
        "keys": "키",
        "comment": "주석",
        "no_tables": "아직 테이블이 없습니다.",
        "method": "메서드",
        "path": "경로",
        "summary": "요약",
        "auth": "인증",
        "service": "서비스",
        "layer": "계층",
        "choice": "선택",
        "alternatives": "대안",
        "not_chosen": "아직 선택하지 않았습니다.",
        "phase": "{n}단계: {name} (사용자 {users}명)",
        "weeks": "{start}–{end}주차: {name}",
        "yes": "예",
        "no": "아니요",
    },
}


def _language(language: str) -> str:
    return language if language in DOCUMENT_LANGUAGES else "en"


def section_headings(language: str = "en") -> dict[str, str]:
    """Section key -> heading; an unknown language or a missing key falls back to English."""
    return {**SECTION_HEADINGS["en"], **SECTION_HEADINGS[_language(language)]}


def labels(language: str = "en") -> dict[str, str]:
    """Fixed labels of the document (format strings use ``str.format`` names)."""
    return {**LABELS["en"], **LABELS[_language(language)]}
