"""touchstory.audio"""
