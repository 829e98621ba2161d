from minsheng.plans.tests.setup_world import setup_world

__all__ = ["setup_world"]
