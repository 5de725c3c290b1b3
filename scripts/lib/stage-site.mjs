console.log("stage placeholder")
