"""Minsheng (民生): a city's yearly list of livelihood projects, from suggestion to year-end report."""
