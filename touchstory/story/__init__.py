"""touchstory.story"""
