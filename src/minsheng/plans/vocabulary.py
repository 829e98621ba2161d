"""领域: the fixed but editable vocabulary of livelihood domains, in display order."""

DEFAULT_DOMAINS: list[tuple[str, str]] = [
    ("就业", "jiuye"),
    ("居住", "juzhu"),
    ("教育", "jiaoyu"),
    ("医疗", "yiliao"),
    ("托幼", "tuoyou"),
    ("养老", "yanglao"),
    ("环境", "huanjing"),
    ("交通出行", "jiaotong"),
    ("公共安全", "anquan"),
    ("政务服务", "zhengwu"),
    ("文化体育", "wenti"),
    ("乡村振兴", "xiangcun"),
    ("城市运行", "chengshi"),
]


def ensure_default_domains(domain_model: type | None = None) -> None:
    """Create any missing default domain; edited or added domains are left as they are."""
    if domain_model is None:
        from minsheng.plans.models import Domain

        domain_model = Domain
    for order, (name, slug) in enumerate(DEFAULT_DOMAINS, start=1):
        domain_model.objects.get_or_create(name=name, defaults={"slug": slug, "order": order})  # type: ignore[attr-defined]
