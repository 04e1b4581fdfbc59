"""touchstory.speech"""
