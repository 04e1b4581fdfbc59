"""touchstory.ui"""
