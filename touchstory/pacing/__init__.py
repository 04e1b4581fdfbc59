"""touchstory.pacing"""
